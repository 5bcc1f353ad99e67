"""Capture round 686 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 661, 668 and 678's pattern), with names from a loriner's shop (lorinery, rowelshed, bitbook, anvilgauge;
bits forged on the anvils, rowels sold by the dozen, the loriners' rounds), seed 68619: npm packages nearley,
chevrotain, d3-interpolate, d3-color, d3-time, d3-delaunay, polyclip-ts, bintrees, heap-js, graphology, dagre,
cytoscape, robust-predicates, ml-distance and svgpath installed here (package JSON from npm view / npm ls /
package-lock.json of the lorinery app with a missing dependency, an invalid range and an invalid peer put in, jq over
them); a venv of textx and ruff (pip inspect, pip show); a Cargo workspace (rowelshed) for cargo metadata and
Cargo.lock; two local Go modules (bitbook, and anvilgauge with a missing import) for go list -json; a loopback JSON API
fetched with curl, json.tool and jq -c; eslint -f json and ruff's JSON reporter on code with faults put in; the
installed packages' documentation fetched with curl from a loopback server, minified files cat'ed; one headless
OpenCode run (package commands, read, webfetch of installed documentation, minified JS).

No material is written anew and no earlier round's code is copied: round 678's module is IMPORTED (with round 668's,
661's, ... behind it); every module global it set is set again below to this round's seed, packages, scratch, ports
and members, and this round's word lists are round 678's with their right-hand sides renamed through one table
(slatery -> lorinery). No new extractor: each kind's needles come from the extractor round 678 used for it,
imported through `capture_wide678._imports` (NEEDLES.md's "Round 686: no new rules"). Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide686.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide686.json  as {"version": 2, "items": [...]}, ids prefixed "wide686-".
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
import capture_wide661 as w661  # noqa: E402
import capture_wide668 as w668  # noqa: E402
import capture_wide678 as w678  # noqa: E402  (its module code runs first; everything it set is set again below)
from capture_wide273_go import renamed  # noqa: E402

ID_PREFIX = "wide686-"
DEFAULT_OUT = HERE / "data" / "wide686.json"
TMP = Path("/dev/shm/hm-corpus-wide686")
TOOLS = Path("/dev/shm/hm-corpus-wide686-tools")
PY_VERSIONS = {"textx": "4.4.0", "ruff": "0.17.6"}
NPM_VERSIONS = {"nearley": "2.20.1", "chevrotain": "13.2.0", "d3-interpolate": "3.0.2", "d3-color": "3.1.1",
                "d3-time": "3.1.1", "d3-delaunay": "6.0.6", "polyclip-ts": "0.16.8", "bintrees": "1.0.2",
                "heap-js": "2.7.1", "graphology": "0.26.0", "dagre": "0.8.5", "cytoscape": "3.35.0",
                "robust-predicates": "3.0.3", "ml-distance": "5.0.0", "svgpath": "2.6.0", "eslint": "10.16.0"}
PY_PKGS = [f"{k}=={v}" for k, v in PY_VERSIONS.items()]
NPM_PKGS = list(NPM_VERSIONS)
APP_PKGS = NPM_PKGS[:-1]
INVALID_RANGE = "d3-time"       # a range (^0.11.0) the installed 3.x does not satisfy
INVALID_PEER = "d3-color"       # the local plate's peer (^5.0.0) above the installed 3.x

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 68619
PORT_API, PORT_DOCS, PORT_STUB = 18686, 28686, 38686

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "svgpath",
                     [f"{k}@{v}" for k, v in NPM_VERSIONS.items()])
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["bithook", "curbbook", "loriner", "rowelbar", "anvilwall", "rowelshed"]
MODS = (w678, w668, w661, w656, w648, w635, w628, w615, w603, w548, w524, w517, w506, w497, w469)

for _m in MODS:
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
for _m in MODS[:-3]:
    _m.VENV, _m.JS = VENV, JS
w524.APP_PKGS = [p for p in APP_PKGS if p != INVALID_RANGE]
w524.LOCKS = ["forge-room", "bit-bench", "curb-shop", "rowel-loft", "buckle-store", "stirrup-yard"]
w524.LENGTHSMEN = ["Tamsin Bitwell", "Josiah Curbridge", "Keziah Rowelby", "Amos Stirrupson",
                   "Mercy Buckland", "Ezra Anvilsworth"]
w9b.TMP = TMP
w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB

# Round 678's word lists, their right-hand sides (the slatery's words) renamed to the lorinery's, in this order.
LORINERY = (
    (f'"{w678.INVALID_RANGE}": "^0.11.0"', f'"{INVALID_RANGE}": "^0.11.0"'),
    (f'"{w678.INVALID_PEER}": "^5.0.0"', f'"{INVALID_PEER}": "^5.0.0"'),
    ("slate cracked on the batten: ridge tiles scrapped, sale refunded",
     "bit cracked on the anvil: rowels scrapped, sale refunded"),
    ("slates hung on the battens", "bits forged on the anvils"),
    ("ridge tiles sold by the hundred", "rowels sold by the dozen"),
    ("by the hundred", "by the dozen"), ("Ridge tile", "Rowel"), ("ridge tile", "rowel"),
    ("zaxshed", "rowelshed"), ("slatehook", "bithook"), ("peggybook", "curbbook"), ("ridgetilebar", "rowelbar"),
    ("battenwall", "anvilwall"), ("slatebook", "bitbook"), ("battengauge", "anvilgauge"),
    ("slategauge", "bitgauge"), ("slatekit", "bitkit"), ("ridgetileblock", "rowelblock"),
    ("slater_slates", "loriner_bits"), ("hipironplate", "buckleplate"), ("hipironboard", "buckleboard"),
    ("Hipironcord", "Bucklecord"), ("zaxkit", "curbkit"), ("holebook", "forgebook"), ('"SL-', '"LO-'),
    ("Slatery", "Lorinery"), ("slatery", "lorinery"), ("Slaters", "Loriners"), ("slaters", "loriners"),
    ("Slater", "Loriner"), ("slater", "loriner"),
    ("Ridgetiles", "Rowels"), ("ridgetiles", "rowels"), ("Ridgetile", "Rowel"), ("ridgetile", "rowel"),
    ("Battens", "Anvils"), ("battens", "anvils"), ("Batten", "Anvil"), ("batten", "anvil"),
    ("Holing", "Forging"), ("holing", "forging"), ("holed", "forged"), ("Hole", "Forge"), ("hole", "forge"),
    ("Hods", "Bitboxes"), ("hods", "bitboxes"), ("Hod ", "Bitbox "), ("hod ", "bitbox "),
    ("Zax", "Curb"), ("zax", "curb"), ("Slates", "Bits"), ("slates", "bits"), ("Slate", "Bit"), ("slate", "bit"),
    ("Hipiron", "Buckle"), ("hipiron", "buckle"), ("nails", "rivets"),
)
LEFTOVER = ("slat", "batten", "ridgetile", "ridge tile", "zax", "hipiron", "holing")


def _lorinery(pairs: tuple) -> tuple:
    return tuple((old, renamed(new, LORINERY)) for old, new in pairs)


NAMES, PHRASES, WORDS = _lorinery(w678.NAMES), _lorinery(w678.PHRASES), _lorinery(w678.WORDS)
GENERATED = PHRASES + NAMES + WORDS
_left = [new for _, new in GENERATED if any(w in new.lower() for w in LEFTOVER)]
assert not _left, f"slatery words left after the renaming: {_left[:8]}"
for _m in (w548, w603, w615, w628, w635, w648, w656, w661, w668, w678):
    _m.NAMES, _m.PHRASES, _m.WORDS, _m.GENERATED = NAMES, PHRASES, WORDS, GENERATED
    _m.INVALID_RANGE, _m.INVALID_PEER, _m.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS


def _imports():
    """Round 678's imports (668's, 661's, ...: the JSON kinds' extractors and the documents')."""
    w678._imports()
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock", "n_html", "n_min_js", "n_markdown"):
        g[name] = getattr(w678, name)


GO_ENV = w668.GO_ENV
for _k in ("GOCACHE", "GOPATH"):
    GO_ENV[_k] = GO_ENV[_k].replace("wide678", "wide686")
JQ_ROUNDS = renamed(w678.JQ_ROUNDS, LORINERY)
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}
w615.GO_ENV = w628.GO_ENV = w635.GO_ENV = w648.GO_ENV = w656.GO_ENV = w661.GO_ENV = GO_ENV


# ---------------------------------------------------------------- steps

def api_server(tmp: Path) -> None:
    w548.api_server(tmp)


def packages(tmp: Path) -> None:
    app = w548.build_app(tmp).rename(tmp / "lorinery")
    ws = w548.build_workspace(tmp).rename(tmp / "rowelshed-ws")
    (app / "node_modules" / "berthplate").rename(app / "node_modules" / "buckleplate")
    cap("npm-view-cytoscape-json", "npm view cytoscape --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-d3-time-exit", "chain-pkg-exit", "pkg",
          [Part("npm view d3-time --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in nearley d3-interpolate d3-delaunay bintrees heap-js graphology dagre robust-predicates; do "
        "npm view $p --json | jq '[.name, .version, .description, .license, .homepage, .\"dist-tags\".latest, "
        ".dist.tarball, .dist.integrity, .maintainers[]?]'; done", tmp, n_jq_lines, timeout=300)
    cap("cat-package-lock-lorinery", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-lorinery", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-lorinery", "jq '{name, version, description, dependencies, devDependencies}' package.json",
        app, n_json_file)
    chain("chain-npm-ls-json-lorinery-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-lorinery", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-all-lorinery-exit", "chain-pkg-exit", "pkg",
          [Part("cd lorinery", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-loriner-venv", f"{PIP} inspect 2>/dev/null", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null")
    cap("pip-show-files-textx-arpeggio", f"{PIP} show -f textx Arpeggio", tmp, n_pip_show,
        timeout=300, env=PIP_ENV, typed="pip show -f textx Arpeggio")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-rowelshed", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    cap("cat-cargo-lock-rowelshed", "cat Cargo.lock", ws, n_cargo_lock)
    bitbook, gauge = w548.build_go(tmp)
    bitbook, gauge = bitbook.rename(tmp / "bitbook"), gauge.rename(tmp / "anvilgauge")
    genv = dict(GO_ENV)
    cap("go-list-json-bitbook", "go list -json ./...", bitbook, n_go_list_json, env=genv, timeout=300)
    chain("chain-go-list-e-json-anvilgauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd anvilgauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "rowelblock", {renamed(k, GENERATED): renamed(v, GENERATED)
                                        for k, v in w524.COTTAGEHUT_JS.items()})
    cm.write_tree(lint / "anvils", {renamed(k, GENERATED): renamed(v, GENERATED)
                                    for k, v in w524.LOCK_BEAMS_PY.items()})
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-rowelblock", f"{eslint} -f json . 2>&1", lint / "rowelblock", n_eslint_json,
        timeout=300, typed="npx eslint -f json . 2>&1")
    cap("ruff-json-loriner-bits",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json loriner_bits 2>/dev/null",
        lint / "anvils", n_ruff_json, timeout=300,
        typed="ruff check --no-cache --isolated --select ALL --output-format json loriner_bits 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    cap("curl-json-api-anvil-forgings-page1-json-tool",
        f"curl -s {base}/anvil-forgings/page1.json | python3 -m json.tool", tmp, n_json_api)
    chain("chain-curl-anvil-forgings-pages-exit", "chain-curl-exit", "json",
          [Part(f"curl -s {base}/anvil-forgings/page1.json", n_json_api),
           Part(f"curl -s {base}/anvil-forgings/page2.json", n_json_api, ";"),
           Part(f"curl -s {base}/anvil-forgings/page3.json", n_json_api, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("curl-json-api-rowel-sales-json-tool", f"curl -s {base}/rowel-sales.json | python3 -m json.tool",
        tmp, n_api_json)
    cap("curl-jq-c-bit-rounds", f"curl -s {base}/bit-rounds.json | {JQ_ROUNDS}", tmp, n_jq_compact)


# The documents and minified files, chosen among what the packages (and their dependencies) ship once installed.
CURL_MD = [("curl-md-cytoscape-readme", "cytoscape/README.md", ""),
           ("curl-md-nearley-readme", "nearley/README.md", ""),
           ("curl-md-heap-js-readme", "heap-js/README.md", ""),
           ("curl-md-svgpath-readme", "svgpath/README.md", ""),
           ("curl-md-polyclip-ts-readme", "polyclip-ts/README.md", ""),
           ("curl-md-robust-predicates-readme", "robust-predicates/README.md", ""),
           ("curl-md-d3-delaunay-readme", "d3-delaunay/README.md", "")]
CURL_HTML: list = []  # as in rounds 668 and 678, no html-cat item
CAT_MIN = [("cat-min-chevrotain", "chevrotain/lib/chevrotain.min.mjs", ""),
           ("cat-min-d3-delaunay", "d3-delaunay/dist/d3-delaunay.min.js", ""),
           ("cat-min-polyclip-ts", "polyclip-ts/dist/polyclip-ts.umd.min.js", ""),
           ("cat-min-d3-interpolate", "d3-interpolate/dist/d3-interpolate.min.js", ""),
           ("cat-min-robust-predicates", "robust-predicates/umd/predicates.min.js", "")]
CURL_CHAIN = ("chain-curl-md-bintrees-readme-exit", "bintrees/README.md", "bintrees/CHANGELOG.md")


def docs(tmp: Path) -> None:
    """Round 635's docs step on this round's lists."""
    w635.CURL_MD, w635.CURL_HTML, w635.CAT_MIN, w635.CURL_CHAIN = CURL_MD, CURL_HTML, CAT_MIN, CURL_CHAIN
    w635.docs(tmp)


DOCS_MD = [("oc-webfetch-md-svgpath-readme", "svgpath/README.md"),
           ("oc-webfetch-md-ml-distance-readme", "ml-distance/README.md")]
DOCS_HTML: list = []
MINIFIED = {"read": ("oc-read-min-d3-color", "d3-color/dist/d3-color.min.js"),
            "bash": ("bash-cat-min-d3-time", "d3-time/dist/d3-time.min.js")}  # run 1: graphology.umd.min.js gave 195 characters, skipped
OC_BASH = [
    ("oc-bash-npm-ls-json-lorinery", "n_npm_ls_json", "cd lorinery && npm ls --json 2>/dev/null"),
    ("oc-bash-jq-versions-chevrotain", "n_jq_lines", "npm view chevrotain --json | jq '.versions'"),
    ("oc-bash-npm-view-polyclip-ts", "n_npm_view", "npm view polyclip-ts --json"),
    ("oc-bash-pip-show-textx-ruff", "n_pip_show", "pip show textx Arpeggio ruff"),
]


def specs(root: Path, env: dict) -> list:
    """Round 635's OpenCode items on this round's lists, its chain and lockfile items made again on this round's app
    (as rounds 661, 668 and 678 did)."""
    w635.DOCS_MD, w635.DOCS_HTML, w635.MINIFIED, w635.OC_BASH = DOCS_MD, DOCS_HTML, MINIFIED, OC_BASH
    S = w635.specs(root, env)
    chain_id = "oc-bash-chain-npm-ls-all-exit"
    mine = w469.C(chain_id, "chain-pkg-exit", "pkg",
                  [Part("cd lorinery", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                   Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List lorinery's dependency tree")
    lock = w469.Spec("oc-read-lock-lorinery", "oc-read-lockfile", "json", "read",
                     {"filePath": f"{root}/lorinery/package-lock.json"}, "json")
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
            f"cp -a {tmp}/lorinery lorinery && cp -r {tmp}/rowelshed-ws rowelshed-ws",
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
    sys.modules.setdefault("capture_wide686", sys.modules["__main__"])
    main()
