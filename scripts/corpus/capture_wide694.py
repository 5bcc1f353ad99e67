"""Capture round 694 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 668, 678 and 686's pattern), with names from a lapidary's workshop (lapidary, facetshed, gembook,
wheelgauge; gems cut on the wheels, cabochons sold by the carat, the lapidists' rounds), seed 69419: npm packages
jsonata, jsonpath-plus, msgpackr, cbor-x, io-ts, colord, matter-js, planck-js, alasql, lokijs, konva, microdiff,
jsondiffpatch, es-toolkit and purify-ts installed here (package JSON from npm view / npm ls / package-lock.json of the
lapidary app with a missing dependency, an invalid range and an invalid peer put in, jq over them); a venv of pyleri,
funcparserlib and ruff (pip inspect, pip show); a Cargo workspace (facetshed) for cargo metadata and Cargo.lock; two
local Go modules (gembook, and wheelgauge with a missing import) for go list -json; a loopback JSON API fetched with
curl, json.tool and jq -c; eslint -f json and ruff's JSON reporter on code with faults put in; the installed packages'
documentation fetched with curl from a loopback server, minified files cat'ed; one headless OpenCode run (package
commands, read, webfetch of installed documentation, minified JS).

No material is written anew and no earlier round's code is copied: round 686's module is IMPORTED (with round 678's,
668's, ... behind it); every module global it set is set again below to this round's seed, packages, scratch, ports
and members, and this round's word lists are round 686's with their right-hand sides renamed through one table
(lorinery -> lapidary). No new extractor: each kind's needles come from the extractor round 686 used for it,
imported through `capture_wide686._imports` (NEEDLES.md's "Round 694: no new rules"). Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide694.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide694.json  as {"version": 2, "items": [...]}, ids prefixed "wide694-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402
import capture_wide383 as w383  # noqa: E402
import capture_wide469 as w469  # noqa: E402
import capture_wide524 as w524  # noqa: E402
import capture_wide548 as w548  # noqa: E402
import capture_wide635 as w635  # noqa: E402
import capture_wide686 as w686  # noqa: E402  (its module code runs first; everything it set is set again below)
from capture_wide273_go import renamed  # noqa: E402

ID_PREFIX = "wide694-"
DEFAULT_OUT = HERE / "data" / "wide694.json"
TMP = Path("/dev/shm/hm-corpus-wide694")
TOOLS = Path("/dev/shm/hm-corpus-wide694-tools")
PY_VERSIONS = {"pyleri": "1.5.1", "funcparserlib": "1.0.1", "ruff": "0.17.6"}
NPM_VERSIONS = {"jsonata": "2.2.2", "jsonpath-plus": "11.3.0", "msgpackr": "2.1.3", "cbor-x": "1.6.9",
                "io-ts": "2.2.22", "colord": "2.13.0", "matter-js": "0.20.0", "planck-js": "1.3.0",
                "alasql": "4.19.1", "lokijs": "1.5.12", "konva": "10.9.1", "microdiff": "1.6.0",
                "jsondiffpatch": "0.7.7", "es-toolkit": "1.53.2", "purify-ts": "2.1.4", "eslint": "10.16.0"}
PY_PKGS = [f"{k}=={v}" for k, v in PY_VERSIONS.items()]
NPM_PKGS = list(NPM_VERSIONS)
APP_PKGS = NPM_PKGS[:-1]
INVALID_RANGE = "colord"        # a range (^0.11.0) the installed 2.x does not satisfy
INVALID_PEER = "cbor-x"         # the local plate's peer (^5.0.0) above the installed 1.x

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 69419
PORT_API, PORT_DOCS, PORT_STUB = 18694, 28694, 38694

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "purify-ts",
                     [f"{k}@{v}" for k, v in NPM_VERSIONS.items()])
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["gemhook", "cabbook", "lapidist", "facetbar", "wheelwall", "facetshed"]
MODS = (w686,) + w686.MODS

for _m in MODS:
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
for _m in MODS[:-3]:
    _m.VENV, _m.JS = VENV, JS
w524.APP_PKGS = [p for p in APP_PKGS if p != INVALID_RANGE]
w524.LOCKS = ["cutting-room", "gem-bench", "cab-shop", "facet-loft", "wheel-store", "polish-yard"]
w524.LENGTHSMEN = ["Tamsin Gemwell", "Josiah Cabridge", "Keziah Facetby", "Amos Wheelson",
                   "Mercy Polland", "Ezra Lapworth"]
w9b.TMP = TMP
w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB

# Round 686's word lists, their right-hand sides (the lorinery's words) renamed to the lapidary's, in this order.
LAPIDARY = (
    (f'"{w686.INVALID_RANGE}": "^0.11.0"', f'"{INVALID_RANGE}": "^0.11.0"'),
    (f'"{w686.INVALID_PEER}": "^5.0.0"', f'"{INVALID_PEER}": "^5.0.0"'),
    ("bit cracked on the anvil: rowels scrapped, sale refunded",
     "gem cracked on the wheel: cabochons scrapped, sale refunded"),
    ("bits forged on the anvils", "gems cut on the wheels"),
    ("rowels sold by the dozen", "cabochons sold by the carat"),
    ("by the dozen", "by the carat"),
    ("rowelshed", "facetshed"), ("rowelanvil", "facetwheel"), ("bithook", "gemhook"), ("curbbook", "cabbook"),
    ("rowelbar", "facetbar"), ("anvilwall", "wheelwall"), ("bitbook", "gembook"), ("anvilgauge", "wheelgauge"),
    ("bitgauge", "gemgauge"), ("bitkit", "gemkit"), ("rowelblock", "facetblock"), ("loriner_bits", "lapidist_gems"),
    ("buckleplate", "cabochonplate"), ("buckleboard", "cabochonboard"), ("Bucklecord", "Cabochoncord"),
    ("curbkit", "cabkit"), ("forgebook", "cutbook"), ('"LO-', '"LA-'),
    ("Lorinery", "Lapidary"), ("lorinery", "lapidary"), ("Loriners", "Lapidists"), ("loriners", "lapidists"),
    ("Loriner", "Lapidist"), ("loriner", "lapidist"),
    ("Rowels", "Cabochons"), ("rowels", "cabochons"), ("Rowel", "Cabochon"), ("rowel", "cabochon"),
    ("Anvils", "Wheels"), ("anvils", "wheels"), ("Anvil", "Wheel"), ("anvil", "wheel"),
    ("Forging", "Cutting"), ("forging", "cutting"), ("forged", "cut"), ("Forge", "Cut"), ("forge", "cut"),
    ("Bitboxes", "Gemboxes"), ("bitboxes", "gemboxes"), ("Bitbox ", "Gembox "), ("bitbox ", "gembox "),
    ("Curb", "Cab"), ("curb", "cab"), ("Bits", "Gems"), ("bits", "gems"), ("Bit", "Gem"), ("bit", "gem"),
    ("Buckle", "Cabochon"), ("buckle", "cabochon"), ("rivets", "facets"),
)
LEFTOVER = ("lorin", "rowel", "anvil", "buckle", "curb", "forg")


def _lapidary(pairs: tuple) -> tuple:
    return tuple((old, renamed(new, LAPIDARY)) for old, new in pairs)


NAMES, PHRASES, WORDS = _lapidary(w686.NAMES), _lapidary(w686.PHRASES), _lapidary(w686.WORDS)
GENERATED = PHRASES + NAMES + WORDS
_left = [new for _, new in GENERATED if any(w in new.lower() for w in LEFTOVER)]
assert not _left, f"lorinery words left after the renaming: {_left[:8]}"
for _m in MODS[:11]:
    if hasattr(_m, "GENERATED"):
        _m.NAMES, _m.PHRASES, _m.WORDS, _m.GENERATED = NAMES, PHRASES, WORDS, GENERATED
        _m.INVALID_RANGE, _m.INVALID_PEER, _m.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS


def _imports():
    """Round 686's imports (678's, 668's, ...: the JSON kinds' extractors and the documents')."""
    w686._imports()
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock", "n_html", "n_min_js", "n_markdown"):
        g[name] = getattr(w686, name)


GO_ENV = w686.GO_ENV
for _k in ("GOCACHE", "GOPATH"):
    GO_ENV[_k] = GO_ENV[_k].replace("wide686", "wide694")
JQ_ROUNDS = renamed(w686.JQ_ROUNDS, LAPIDARY)
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}


# ---------------------------------------------------------------- steps

def api_server(tmp: Path) -> None:
    w548.api_server(tmp)


def packages(tmp: Path) -> None:
    app = w548.build_app(tmp).rename(tmp / "lapidary")
    ws = w548.build_workspace(tmp).rename(tmp / "facetshed-ws")
    (app / "node_modules" / "berthplate").rename(app / "node_modules" / "cabochonplate")
    cap("npm-view-alasql-json", "npm view alasql --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-colord-exit", "chain-pkg-exit", "pkg",
          [Part("npm view colord --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in jsonata msgpackr cbor-x io-ts matter-js lokijs microdiff purify-ts; do "
        "npm view $p --json | jq '[.name, .version, .description, .license, .homepage, .\"dist-tags\".latest, "
        ".dist.tarball, .dist.integrity, .maintainers[]?]'; done", tmp, n_jq_lines, timeout=300)
    cap("cat-package-lock-lapidary", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-lapidary", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-lapidary", "jq '{name, version, description, dependencies, devDependencies}' package.json",
        app, n_json_file)
    chain("chain-npm-ls-json-lapidary-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-lapidary", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-all-lapidary-exit", "chain-pkg-exit", "pkg",
          [Part("cd lapidary", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-lapidist-venv", f"{PIP} inspect 2>/dev/null", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null")
    cap("pip-show-files-pyleri-funcparserlib", f"{PIP} show -f pyleri funcparserlib", tmp, n_pip_show,
        timeout=300, env=PIP_ENV, typed="pip show -f pyleri funcparserlib")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-facetshed", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    cap("cat-cargo-lock-facetshed", "cat Cargo.lock", ws, n_cargo_lock)
    gembook, gauge = w548.build_go(tmp)
    gembook, gauge = gembook.rename(tmp / "gembook"), gauge.rename(tmp / "wheelgauge")
    genv = dict(GO_ENV)
    cap("go-list-json-gembook", "go list -json ./...", gembook, n_go_list_json, env=genv, timeout=300)
    chain("chain-go-list-e-json-wheelgauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd wheelgauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "facetblock", {renamed(k, GENERATED): renamed(v, GENERATED)
                                        for k, v in w524.COTTAGEHUT_JS.items()})
    cm.write_tree(lint / "wheels", {renamed(k, GENERATED): renamed(v, GENERATED)
                                    for k, v in w524.LOCK_BEAMS_PY.items()})
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-facetblock", f"{eslint} -f json . 2>&1", lint / "facetblock", n_eslint_json,
        timeout=300, typed="npx eslint -f json . 2>&1")
    cap("ruff-json-lapidist-gems",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json lapidist_gems 2>/dev/null",
        lint / "wheels", n_ruff_json, timeout=300,
        typed="ruff check --no-cache --isolated --select ALL --output-format json lapidist_gems 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    cap("curl-json-api-wheel-cuttings-page1-json-tool",
        f"curl -s {base}/wheel-cuttings/page1.json | python3 -m json.tool", tmp, n_json_api)
    chain("chain-curl-wheel-cuttings-pages-exit", "chain-curl-exit", "json",
          [Part(f"curl -s {base}/wheel-cuttings/page1.json", n_json_api),
           Part(f"curl -s {base}/wheel-cuttings/page2.json", n_json_api, ";"),
           Part(f"curl -s {base}/wheel-cuttings/page3.json", n_json_api, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("curl-json-api-cabochon-sales-json-tool", f"curl -s {base}/cabochon-sales.json | python3 -m json.tool",
        tmp, n_api_json)
    cap("curl-jq-c-gem-rounds", f"curl -s {base}/gem-rounds.json | {JQ_ROUNDS}", tmp, n_jq_compact)


# The documents and minified files, chosen among what the packages (and their dependencies) ship once installed.
CURL_MD = [("curl-md-jsonpath-plus-readme", "jsonpath-plus/README.md", ""),
           ("curl-md-msgpackr-readme", "msgpackr/README.md", ""),
           ("curl-md-colord-readme", "colord/README.md", ""),
           ("curl-md-alasql-readme", "alasql/README.md", ""),
           ("curl-md-konva-readme", "konva/README.md", ""),
           ("curl-md-microdiff-readme", "microdiff/README.md", ""),
           ("curl-md-lokijs-readme", "lokijs/README.md", ""),
           ("curl-md-es-toolkit-changelog", "es-toolkit/CHANGELOG.md", "")]
CURL_HTML: list = []  # as in rounds 668-686, no html-cat item
CAT_MIN = [("cat-min-jsonata", "jsonata/jsonata.min.js", ""),
           ("cat-min-lokijs", "lokijs/build/lokijs.min.js", ""),
           ("cat-min-matter-js", "matter-js/build/matter.min.js", ""),
           ("cat-min-jsonpath-plus", "jsonpath-plus/dist/index-browser-esm.min.js", ""),
           ("cat-min-cbor-x", "cbor-x/dist/index.min.js", "")]
CURL_CHAIN = ("chain-curl-md-purify-ts-readme-exit", "purify-ts/README.md", "purify-ts/CHANGELOG.md")


def docs(tmp: Path) -> None:
    """Round 635's docs step on this round's lists."""
    w635.CURL_MD, w635.CURL_HTML, w635.CAT_MIN, w635.CURL_CHAIN = CURL_MD, CURL_HTML, CAT_MIN, CURL_CHAIN
    w635.docs(tmp)


DOCS_MD = [("oc-webfetch-md-cbor-x-readme", "cbor-x/README.md"),
           ("oc-webfetch-md-jsondiffpatch-readme", "jsondiffpatch/README.md")]
DOCS_HTML: list = []
MINIFIED = {"read": ("oc-read-min-loki-indexed-adapter", "lokijs/build/loki-indexed-adapter.min.js"),
            "bash": ("bash-cat-min-msgpackr", "msgpackr/dist/index.min.js")}
OC_BASH = [
    ("oc-bash-npm-ls-json-lapidary", "n_npm_ls_json", "cd lapidary && npm ls --json 2>/dev/null"),
    ("oc-bash-jq-versions-konva", "n_jq_lines", "npm view konva --json | jq '.versions'"),
    ("oc-bash-npm-view-jsondiffpatch", "n_npm_view", "npm view jsondiffpatch --json"),
    ("oc-bash-pip-show-pyleri-ruff", "n_pip_show", "pip show pyleri funcparserlib ruff"),
]


def specs(root: Path, env: dict) -> list:
    """Round 635's OpenCode items on this round's lists, its chain and lockfile items made again on this round's app
    (as rounds 661-686 did)."""
    w635.DOCS_MD, w635.DOCS_HTML, w635.MINIFIED, w635.OC_BASH = DOCS_MD, DOCS_HTML, MINIFIED, OC_BASH
    S = w635.specs(root, env)
    chain_id = "oc-bash-chain-npm-ls-all-exit"
    mine = w469.C(chain_id, "chain-pkg-exit", "pkg",
                  [Part("cd lapidary", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                   Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List lapidary's dependency tree")
    lock = w469.Spec("oc-read-lock-lapidary", "oc-read-lockfile", "json", "read",
                     {"filePath": f"{root}/lapidary/package-lock.json"}, "json")
    swap = {chain_id: mine, "oc-read-lock-glovery": (lock, w469.oc_ext(lock.kind, lock.family, lock))}
    return [swap.get(s[0].id, s) for s in S]


def opencode(tmp: Path) -> None:
    import functools
    oco = w469.capture_opencode
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = w383._doc_server
    oco.StubServer = functools.partial(orig[1], port=PORT_STUB)
    try:
        w469.run_round(
            tmp,
            f"cp -a {tmp}/lapidary lapidary && cp -r {tmp}/facetshed-ws facetshed-ws",
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
    sys.modules.setdefault("capture_wide694", sys.modules["__main__"])
    main()
