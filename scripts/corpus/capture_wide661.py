"""Capture round 661 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 635, 648 and 656's pattern), with names from a japanner's works (japannery, stovingshed, traybook,
pontypoolgauge; trays flatted at the stoves, snuffboxes sold by the gross, the japanners' rounds), seed 66117: npm
packages fuzzysort, js-search, flexsearch, itemsjs, autocompleter, split-grid, simple-statistics, chrono-node,
flatbush, bloom-filters, smoothscroll-polyfill, sbd and didyoumean installed here (package JSON from npm view / npm ls /
package-lock.json of the japannery app with a missing dependency, an invalid range and an invalid peer put in, jq over
them); a venv of pyarabic, tashaphyne, indic-transliteration, awesome-slugify, hanja and ruff (pip inspect, pip show);
a Cargo workspace (stovingshed) for cargo metadata and Cargo.lock; two local Go modules (traybook, and pontypoolgauge
with a missing import) for go list -json; a loopback JSON API fetched with curl, json.tool and jq -c; eslint -f json
and ruff's JSON reporter on code with faults put in; the installed packages' documentation fetched with curl from a
loopback server, minified files cat'ed; one headless OpenCode run (package commands, read, webfetch of installed
documentation, minified JS).

No material is written anew and no earlier round's code is copied: round 656's module is IMPORTED (with round 648's,
635's, ... behind it); every module global it set is set again below to this round's seed, packages, scratch, ports
and members, and this round's word lists are round 656's with their right-hand sides renamed through one table
(lorimery -> japannery). No new extractor: each kind's needles come from the extractor round 656 used for it,
imported through `capture_wide656._imports` (NEEDLES.md's "Round 661: no new rules"). Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide661.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide661.json  as {"version": 2, "items": [...]}, ids prefixed "wide661-".
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
import capture_wide656 as w656  # noqa: E402  (its module code runs first; everything it set is set again below)
from capture_wide273_go import renamed  # noqa: E402

ID_PREFIX = "wide661-"
DEFAULT_OUT = HERE / "data" / "wide661.json"
TMP = Path("/dev/shm/hm-corpus-wide661")
TOOLS = Path("/dev/shm/hm-corpus-wide661-tools")
PY_VERSIONS = {"pyarabic": "0.6.15", "tashaphyne": "0.3.6", "indic-transliteration": "2.3.82",
               "awesome-slugify": "1.6.5", "hanja": "0.15.1", "ruff": "0.17.6"}
NPM_VERSIONS = {"fuzzysort": "4.0.2", "js-search": "2.0.1", "flexsearch": "0.8.212", "itemsjs": "2.4.4",
                "autocompleter": "9.3.2", "split-grid": "1.0.11", "simple-statistics": "7.12.1",
                "chrono-node": "2.10.3", "flatbush": "4.7.0", "bloom-filters": "3.0.4",
                "smoothscroll-polyfill": "0.4.4", "sbd": "1.0.19", "didyoumean": "1.2.2", "eslint": "10.16.0"}
PY_PKGS = [f"{k}=={v}" for k, v in PY_VERSIONS.items()]
NPM_PKGS = list(NPM_VERSIONS)
APP_PKGS = NPM_PKGS[:-1]
INVALID_RANGE = "simple-statistics"  # a range (^0.11.0) the installed 7.x does not satisfy
INVALID_PEER = "chrono-node"         # the local plate's peer (^5.0.0) above the installed 2.x

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 66117
PORT_API, PORT_DOCS, PORT_STUB = 18661, 28661, 38661

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "didyoumean",
                     [f"{k}@{v}" for k, v in NPM_VERSIONS.items()])
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["trayhook", "pontypoolbook", "japanner", "canisterbar", "stovewall", "stovingshed"]

for _m in (w656, w648, w635, w628, w615, w603, w548, w524, w517, w506, w497, w469):
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
for _m in (w656, w648, w635, w628, w615, w603, w548, w524, w517, w506):
    _m.VENV, _m.JS = VENV, JS
w524.APP_PKGS = [p for p in APP_PKGS if p != INVALID_RANGE]
w524.LOCKS = ["stoving-oven", "flatting-room", "tinning-shop", "blanking-press", "gilding-loft", "packing-room"]
w524.LENGTHSMEN = ["Zebedee Trayford", "Keturah Stovell", "Ishmael Flattery", "Dorcas Varnham", "Eliab Japworth",
                   "Patience Canisby"]
w9b.TMP = TMP
w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB

# Round 656's word lists, their right-hand sides (the lorimery's words) renamed to the japannery's, in this order.
JAPANNERY = (
    ('"simple-datatables": "^0.11.0"', f'"{INVALID_RANGE}": "^0.11.0"'),
    ('"minisearch": "^5.0.0"', f'"{INVALID_PEER}": "^5.0.0"'),
    ("bit cracked at the vice: spurs scrapped, sale refunded",
     "tray blistered in the stove: snuffboxes scrapped, sale refunded"),
    ("Lorimery: bits filed at the vices, spurs sold by the pair, the lorimers' rounds",
     "Japannery: trays flatted at the stoves, snuffboxes sold by the gross, the japanners' rounds"),
    ("Vice name plates and the lorimers' chalked boards", "Stove name plates and the japanners' chalked boards"),
    ("Vices, their files and the wrought-iron heaps they hold",
     "Stoves, their pumice and the blackplate heaps they hold"),
    ("Spur sales, hawkers and the prices by the pair", "Snuffbox sales, hawkers and the prices by the gross"),
    ("The lorimers' rounds and the pelham rota", "The japanners' rounds and the pontypool rota"),
    ("Curbs, their chains and the quenching log", "Canisters, their lids and the stoving log"),
    ("The vice wall, its gates and the chalk marks", "The stove wall, its gates and the chalk marks"),
    ("Lorimery: vices, hawkers and lorimers", "Japannery: stoves, hawkers and japanners"),
    ("bits filed at the vices", "trays flatted at the stoves"),
    ("spurs sold by the pair", "snuffboxes sold by the gross"),
    ("the lorimers' rounds and pelham runs", "the japanners' rounds and pontypool runs"),
    ("wrought iron laid on the vices", "blackplate laid on the stoves"),
    ("lorimery-vice-filings", "japannery-stove-flattings"), ("vice-filings", "stove-flattings"),
    ("ViceFilingError", "StoveFlattingError"), ("curb bar", "canister bar"), ("filing ledger", "flatting ledger"),
    ("filed_at", "flatted_at"), ('"LR-', '"JP-'), ("wrought", "blackplate"), ("spur pair", "snuffbox pair"),
    ("plated", "gilded"), ("snaffle-rounds", "tray-rounds"), ('"pelham"', '"pontypool"'),
    ("filingyard", "flattingyard"), ("viceside", "stoveside"), ("(filing S-", "(flatting S-"),
    ("spur-sales", "snuffbox-sales"), ("node lorimery.js", "node japannery.js"), ("spurshed", "stovingshed"),
    ("lorimery", "japannery"), ("cheekplate", "varnishplate"), ("snafflekit", "traykit"),
    ("curbvice", "canisterstove"), ("lorimer_bits", "japanner_trays"), ("bitbook", "traybook"),
    ("pelhamgauge", "pontypoolgauge"), ("cheekkit", "varnishkit"), ("cheekboard", "varnishboard"),
    ("Cheekcord", "Varnishcord"), ("filebook", "flatbook"), ("curbbar", "canisterbar"), ("vicewall", "stovewall"),
    ("snafflehook", "trayhook"), ("pelhambook", "pontypoolbook"),
    ("Lorimery", "Japannery"), ("Lorimer", "Japanner"), ("lorimers", "japanners"), ("lorimer", "japanner"),
    ("Spurs", "Snuffboxes"), ("spurs", "snuffboxes"), ("Spur", "Snuffbox"), ("spur", "snuffbox"),
    ("Vices", "Stoves"), ("vices", "stoves"), ("Vice", "Stove"), ("vice", "stove"),
    ("Filing", "Flatting"), ("filing", "flatting"), ("filed", "flatted"), ("files", "flats"), ("File", "Flat"),
    ("file", "flat"), ("Curbs", "Canisters"), ("curbs", "canisters"), ("Curb", "Canister"), ("curb", "canister"),
    ("Pelham", "Pontypool"), ("pelham", "pontypool"), ("Snaffle", "Tray"), ("snaffle", "tray"),
    ("Cheek", "Varnish"), ("cheek", "varnish"), ("bits", "trays"), ("by the pair", "by the gross"),
)
LEFTOVER = ("lorimer", "spur", "vice", "curb", "pelham", "snaffle", "cheek", "wrought", "filing", "filebook")


def _japannery(pairs: tuple) -> tuple:
    return tuple((old, renamed(new, JAPANNERY)) for old, new in pairs)


NAMES, PHRASES, WORDS = _japannery(w656.NAMES), _japannery(w656.PHRASES), _japannery(w656.WORDS)
GENERATED = PHRASES + NAMES + WORDS
_left = [new for _, new in GENERATED if any(w in new.lower() for w in LEFTOVER)]
assert not _left, f"lorimery words left after the renaming: {_left[:8]}"
for _m in (w548, w603, w615, w628, w635, w648, w656):
    _m.NAMES, _m.PHRASES, _m.WORDS, _m.GENERATED = NAMES, PHRASES, WORDS, GENERATED
    _m.INVALID_RANGE, _m.INVALID_PEER, _m.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS


def _imports():
    """Round 656's imports (648's, 635's, ...: the JSON kinds' extractors and the documents')."""
    w656._imports()
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock", "n_html", "n_min_js", "n_markdown"):
        g[name] = getattr(w656, name)


GO_ENV = {"GOPROXY": "off", "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local", "GO111MODULE": "on",
          "GOCACHE": str(TMP / "go-cache"), "GOPATH": str(TMP / "go-path")}
JQ_ROUNDS = renamed(w656.JQ_ROUNDS, JAPANNERY)
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}
w615.GO_ENV = w628.GO_ENV = w635.GO_ENV = w648.GO_ENV = w656.GO_ENV = GO_ENV


# ---------------------------------------------------------------- steps

def api_server(tmp: Path) -> None:
    w548.api_server(tmp)


def packages(tmp: Path) -> None:
    app = w548.build_app(tmp).rename(tmp / "japannery")
    ws = w548.build_workspace(tmp).rename(tmp / "stovingshed-ws")
    (app / "node_modules" / "berthplate").rename(app / "node_modules" / "varnishplate")
    cap("npm-view-bloom-filters-json", "npm view bloom-filters --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-simple-statistics-exit", "chain-pkg-exit", "pkg",
          [Part("npm view simple-statistics --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in fuzzysort js-search itemsjs autocompleter split-grid flatbush sbd didyoumean; do "
        "npm view $p --json | jq '[.name, .version, .description, .license, .homepage, .\"dist-tags\".latest, "
        ".dist.tarball, .dist.integrity, .maintainers[]?]'; done", tmp, n_jq_lines, timeout=300)
    cap("cat-package-lock-japannery", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-japannery", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-japannery", "jq '{name, version, description, dependencies, devDependencies}' package.json",
        app, n_json_file)
    chain("chain-npm-ls-json-japannery-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-japannery", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-all-japannery-exit", "chain-pkg-exit", "pkg",
          [Part("cd japannery", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-japanner-venv-head", f"{PIP} inspect 2>/dev/null | head -n 200", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null | head -n 200")
    cap("pip-show-files-indic-transliteration-ruff", f"{PIP} show -f indic-transliteration ruff", tmp, n_pip_show,
        timeout=300, env=PIP_ENV, typed="pip show -f indic-transliteration ruff")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-stovingshed", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    cap("cat-cargo-lock-stovingshed", "cat Cargo.lock", ws, n_cargo_lock)
    traybook, gauge = w548.build_go(tmp)
    traybook, gauge = traybook.rename(tmp / "traybook"), gauge.rename(tmp / "pontypoolgauge")
    genv = dict(GO_ENV)
    cap("go-list-json-traybook", "go list -json ./...", traybook, n_go_list_json, env=genv, timeout=300)
    chain("chain-go-list-e-json-pontypoolgauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd pontypoolgauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "canisterstove", {renamed(k, GENERATED): renamed(v, GENERATED)
                                           for k, v in w524.COTTAGEHUT_JS.items()})
    cm.write_tree(lint / "stoves", {renamed(k, GENERATED): renamed(v, GENERATED)
                                    for k, v in w524.LOCK_BEAMS_PY.items()})
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-canisterstove", f"{eslint} -f json . 2>&1", lint / "canisterstove", n_eslint_json, timeout=300,
        typed="npx eslint -f json . 2>&1")
    cap("ruff-json-japanner-trays",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json japanner_trays 2>/dev/null",
        lint / "stoves", n_ruff_json, timeout=300,
        typed="ruff check --no-cache --isolated --select ALL --output-format json japanner_trays 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    cap("curl-json-api-stove-flattings-page2-json-tool",
        f"curl -s {base}/stove-flattings/page2.json | python3 -m json.tool", tmp, n_json_api)
    chain("chain-curl-stove-flattings-pages-exit", "chain-curl-exit", "json",
          [Part(f"curl -s {base}/stove-flattings/page1.json", n_json_api),
           Part(f"curl -s {base}/stove-flattings/page2.json", n_json_api, ";"),
           Part(f"curl -s {base}/stove-flattings/page3.json", n_json_api, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("curl-json-api-snuffbox-sales-json-tool", f"curl -s {base}/snuffbox-sales.json | python3 -m json.tool",
        tmp, n_api_json)
    cap("curl-jq-c-tray-rounds", f"curl -s {base}/tray-rounds.json | {JQ_ROUNDS}", tmp, n_jq_compact)


# The documents and minified files, chosen among what the packages (and their dependencies) ship once installed.
CURL_MD = [("curl-md-flexsearch-readme", "flexsearch/README.md", ""),
           ("curl-md-split-grid-readme", "split-grid/README.md", ""),
           ("curl-md-bloom-filters-readme", "bloom-filters/README.md", ""),
           ("curl-md-autocompleter-readme", "autocompleter/readme.md", ""),
           ("curl-md-chrono-node-readme", "chrono-node/README.md", "")]
CURL_HTML = [("curl-html-sbd-index", "sbd/index.html", "")]
CAT_MIN = [("cat-min-flexsearch-bundle", "flexsearch/dist/flexsearch.bundle.min.js", ""),
           ("cat-min-simple-statistics", "simple-statistics/dist/simple-statistics.min.js", ""),
           ("cat-min-split-grid", "split-grid/dist/split-grid.min.js", ""),
           ("cat-min-itemsjs-umd", "itemsjs/dist/index.umd.js", ""),
           ("cat-min-flexsearch-es5", "flexsearch/dist/flexsearch.es5.min.js", "")]
CURL_CHAIN = ("chain-curl-md-flatbush-readme-exit", "flatbush/README.md", "flatbush/CHANGELOG.md")


def docs(tmp: Path) -> None:
    """Round 635's docs step on this round's lists."""
    w635.CURL_MD, w635.CURL_HTML, w635.CAT_MIN, w635.CURL_CHAIN = CURL_MD, CURL_HTML, CAT_MIN, CURL_CHAIN
    w635.docs(tmp)


DOCS_MD = [("oc-webfetch-md-fuzzysort-readme", "fuzzysort/README.md"),
           ("oc-webfetch-md-itemsjs-readme", "itemsjs/README.md"),
           ("oc-webfetch-md-js-search-readme", "js-search/README.md")]
DOCS_HTML = [("oc-webfetch-html-sbd-index", "sbd/index.html")]
MINIFIED = {"read": ("oc-read-min-autocompleter", "autocompleter/autocomplete.min.js"),
            "bash": ("bash-cat-min-fuzzysort", "fuzzysort/fuzzysort.min.js")}
OC_BASH = [
    ("oc-bash-npm-ls-json-japannery", "n_npm_ls_json", "cd japannery && npm ls --json 2>/dev/null"),
    ("oc-bash-jq-versions-flexsearch", "n_jq_lines", "npm view flexsearch --json | jq '.versions'"),
    ("oc-bash-npm-view-chrono-node", "n_npm_view", "npm view chrono-node --json"),
    ("oc-bash-pip-show-pyarabic-hanja", "n_pip_show",
     "pip show pyarabic tashaphyne indic-transliteration awesome-slugify hanja ruff arabic-reshaper"),
]


def specs(root: Path, env: dict) -> list:
    """Round 635's OpenCode items on this round's lists (its chain's directory and its lockfile's path are round
    635's app's: both items made again on this round's app, as rounds 648 and 656 did)."""
    w635.DOCS_MD, w635.DOCS_HTML, w635.MINIFIED, w635.OC_BASH = DOCS_MD, DOCS_HTML, MINIFIED, OC_BASH
    S = w635.specs(root, env)
    chain_id = "oc-bash-chain-npm-ls-all-exit"
    mine = w469.C(chain_id, "chain-pkg-exit", "pkg",
                  [Part("cd japannery", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                   Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List japannery's dependency tree")
    lock = w469.Spec("oc-read-lock-japannery", "oc-read-lockfile", "json", "read",
                     {"filePath": f"{root}/japannery/package-lock.json"}, "json")
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
            f"cp -a {tmp}/japannery japannery && cp -r {tmp}/stovingshed-ws stovingshed-ws",
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
    sys.modules.setdefault("capture_wide661", sys.modules["__main__"])
    main()
