"""Capture round 678 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 656, 661 and 668's pattern), with names from a slater's yard (slatery, zaxshed, slatebook, battengauge;
slates hung on the battens, ridge tiles sold by the hundred, the slaters' rounds), seed 67819: npm packages d3-array,
d3-shape, d3-geo, d3-hierarchy, d3-contour, d3-force, d3-quadtree, d3-dsv, topojson-client, ml-matrix, kalmanjs,
algebrite, ohm-js and filtrex installed here (package JSON from npm view / npm ls / package-lock.json of the slatery app
with a missing dependency, an invalid range and an invalid peer put in, jq over them); a venv of mimesis,
colorspacious, workalendar and ruff (pip inspect, pip show); a Cargo workspace (zaxshed) for cargo metadata and
Cargo.lock; two local Go modules (slatebook, and battengauge with a missing import) for go list -json; a loopback JSON
API fetched with curl, json.tool and jq -c; eslint -f json and ruff's JSON reporter on code with faults put in; the
installed packages' documentation fetched with curl from a loopback server, minified files cat'ed; one headless
OpenCode run (package commands, read, webfetch of installed documentation, minified JS).

No material is written anew and no earlier round's code is copied: round 668's module is IMPORTED (with round 661's,
656's, ... behind it); every module global it set is set again below to this round's seed, packages, scratch, ports
and members, and this round's word lists are round 668's with their right-hand sides renamed through one table
(millinery -> slatery). No new extractor: each kind's needles come from the extractor round 668 used for it,
imported through `capture_wide668._imports` (NEEDLES.md's "Round 678: no new rules"). Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide678.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide678.json  as {"version": 2, "items": [...]}, ids prefixed "wide678-".
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
import capture_wide668 as w668  # noqa: E402  (its module code runs first; everything it set is set again below)
from capture_wide273_go import renamed  # noqa: E402

ID_PREFIX = "wide678-"
DEFAULT_OUT = HERE / "data" / "wide678.json"
TMP = Path("/dev/shm/hm-corpus-wide678")
TOOLS = Path("/dev/shm/hm-corpus-wide678-tools")
PY_VERSIONS = {"mimesis": "22.2.0", "colorspacious": "1.1.2", "workalendar": "17.0.0", "ruff": "0.17.6"}
NPM_VERSIONS = {"d3-array": "3.2.5", "d3-shape": "3.2.1", "d3-geo": "3.1.2", "d3-hierarchy": "3.1.3",
                "d3-contour": "4.0.3", "d3-force": "3.0.1", "d3-quadtree": "3.0.2", "d3-dsv": "3.0.2",
                "topojson-client": "3.1.0", "ml-matrix": "6.15.1", "kalmanjs": "1.1.0", "algebrite": "1.4.0",
                "ohm-js": "17.5.0", "filtrex": "3.1.0", "eslint": "10.16.0"}
PY_PKGS = [f"{k}=={v}" for k, v in PY_VERSIONS.items()]
NPM_PKGS = list(NPM_VERSIONS)
APP_PKGS = NPM_PKGS[:-1]
INVALID_RANGE = "d3-geo"        # a range (^0.11.0) the installed 3.x does not satisfy
INVALID_PEER = "d3-hierarchy"   # the local plate's peer (^5.0.0) above the installed 3.x

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 67819
PORT_API, PORT_DOCS, PORT_STUB = 18678, 28678, 38678

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "filtrex",
                     [f"{k}@{v}" for k, v in NPM_VERSIONS.items()])
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["slatehook", "peggybook", "slater", "ridgetilebar", "battenwall", "zaxshed"]
MODS = (w668, w661, w656, w648, w635, w628, w615, w603, w548, w524, w517, w506, w497, w469)

for _m in MODS:
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
for _m in MODS[:-3]:
    _m.VENV, _m.JS = VENV, JS
w524.APP_PKGS = [p for p in APP_PKGS if p != INVALID_RANGE]
w524.LOCKS = ["holing-room", "splitting-shed", "dressing-bench", "slate-loft", "hod-store", "ridge-yard"]
w524.LENGTHSMEN = ["Tamsin Slatebury", "Josiah Battenby", "Keziah Ridgeway", "Amos Zaxley",
                   "Mercy Hodgeson", "Ezra Peggworth"]
w9b.TMP = TMP
w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB

# Round 668's word lists, their right-hand sides (the millinery's words) renamed to the slatery's, in this order.
SLATERY = (
    ('"culori": "^0.11.0"', f'"{INVALID_RANGE}": "^0.11.0"'),
    ('"cronstrue": "^5.0.0"', f'"{INVALID_PEER}": "^5.0.0"'),
    ("boater warped on the block: hatpins scrapped, sale refunded",
     "slate cracked on the batten: ridge tiles scrapped, sale refunded"),
    ("Millinery: boaters blocked on the hat blocks, hatpins sold by the card, the milliners' rounds",
     "Slatery: slates hung on the battens, ridge tiles sold by the hundred, the slaters' rounds"),
    ("Block name plates and the milliners' chalked boards", "Batten name plates and the slaters' chalked boards"),
    ("Blocks, their pins and the buckram heaps they hold", "Battens, their nails and the slate heaps they hold"),
    ("Hatpin sales, hawkers and the prices by the card", "Ridge tile sales, hawkers and the prices by the hundred"),
    ("The milliners' rounds and the sinamay rota", "The slaters' rounds and the zax rota"),
    ("Bandboxes, their lids and the steaming log", "Hods, their lids and the holing log"),
    ("The block wall, its gates and the chalk marks", "The batten wall, its gates and the chalk marks"),
    ("Millinery: blocks, hawkers and milliners", "Slatery: battens, hawkers and slaters"),
    ("boaters blocked on the hat blocks", "slates hung on the battens"),
    ("hatpins sold by the card", "ridge tiles sold by the hundred"),
    ("the milliners' rounds and sinamay runs", "the slaters' rounds and zax runs"),
    ("buckram laid on the blocks", "slate laid on the battens"),
    ("millinery-block-steamings", "slatery-batten-holings"), ("block-steamings", "batten-holings"),
    ("BlockSteamingError", "BattenHolingError"), ("bandbox bar", "hod bar"),
    ("steaming ledger", "holing ledger"), ("steamed_at", "holed_at"), ('"ML-', '"SL-'),
    ("buckram", "slate"), ("hatpin pair", "ridge tile pair"), ("trimmed", "dressed"),
    ("boater-rounds", "slate-rounds"), ('"sinamay"', '"zax"'), ("steamingyard", "holingyard"),
    ("blockside", "battenside"), ("(steaming S-", "(holing S-"), ("hatpin-sales", "ridgetile-sales"),
    ("node millinery.js", "node slatery.js"), ("hatblockshed", "zaxshed"), ("millinery", "slatery"),
    ("ribbonplate", "hipironplate"), ("boaterkit", "slatekit"), ("hatpinblock", "ridgetileblock"),
    ("milliner_boaters", "slater_slates"), ("boaterbook", "slatebook"), ("buckramgauge", "battengauge"),
    ("sinamaykit", "zaxkit"), ("ribbonboard", "hipironboard"), ("Ribboncord", "Hipironcord"),
    ("brimbook", "holebook"), ("hatpinbar", "ridgetilebar"), ("blockwall", "battenwall"),
    ("boaterhook", "slatehook"), ("buckrambook", "peggybook"),
    ("Millinery", "Slatery"), ("Milliner", "Slater"), ("milliners", "slaters"), ("milliner", "slater"),
    ("Hatpins", "Ridgetiles"), ("hatpins", "ridgetiles"), ("Hatpin", "Ridgetile"), ("hatpin", "ridgetile"),
    ("Blocks", "Battens"), ("blocks", "battens"), ("Block", "Batten"), ("block", "batten"),
    ("Steaming", "Holing"), ("steaming", "holing"), ("steamed", "holed"), ("pins", "nails"),
    ("Steam", "Hole"), ("steam", "hole"), ("Bandboxes", "Hods"), ("bandboxes", "hods"),
    ("Bandbox", "Hod"), ("bandbox", "hod"), ("Sinamay", "Zax"), ("sinamay", "zax"),
    ("Boater", "Slate"), ("boater", "slate"), ("Ribbon", "Hipiron"), ("ribbon", "hipiron"),
    ("by the card", "by the hundred"),
)
LEFTOVER = ("millin", "hatpin", "boater", "buckram", "sinamay", "bandbox", "steam", "ribbon", "hatblock",
            "culori", "cronstrue")


def _slatery(pairs: tuple) -> tuple:
    return tuple((old, renamed(new, SLATERY)) for old, new in pairs)


NAMES, PHRASES, WORDS = _slatery(w668.NAMES), _slatery(w668.PHRASES), _slatery(w668.WORDS)
GENERATED = PHRASES + NAMES + WORDS
_left = [new for _, new in GENERATED if any(w in new.lower() for w in LEFTOVER)]
assert not _left, f"millinery words left after the renaming: {_left[:8]}"
for _m in (w548, w603, w615, w628, w635, w648, w656, w661, w668):
    _m.NAMES, _m.PHRASES, _m.WORDS, _m.GENERATED = NAMES, PHRASES, WORDS, GENERATED
    _m.INVALID_RANGE, _m.INVALID_PEER, _m.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS


def _imports():
    """Round 668's imports (661's, 656's, ...: the JSON kinds' extractors and the documents')."""
    w668._imports()
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock", "n_html", "n_min_js", "n_markdown"):
        g[name] = getattr(w668, name)


GO_ENV = w668.GO_ENV
for _k in ("GOCACHE", "GOPATH"):
    GO_ENV[_k] = GO_ENV[_k].replace("wide668", "wide678")
JQ_ROUNDS = renamed(w668.JQ_ROUNDS, SLATERY)
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}
w615.GO_ENV = w628.GO_ENV = w635.GO_ENV = w648.GO_ENV = w656.GO_ENV = w661.GO_ENV = GO_ENV


# ---------------------------------------------------------------- steps

def api_server(tmp: Path) -> None:
    w548.api_server(tmp)


def packages(tmp: Path) -> None:
    app = w548.build_app(tmp).rename(tmp / "slatery")
    ws = w548.build_workspace(tmp).rename(tmp / "zaxshed-ws")
    (app / "node_modules" / "berthplate").rename(app / "node_modules" / "hipironplate")
    cap("npm-view-ohm-js-json", "npm view ohm-js --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-d3-geo-exit", "chain-pkg-exit", "pkg",
          [Part("npm view d3-geo --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in d3-array d3-shape d3-contour d3-force topojson-client ml-matrix kalmanjs algebrite; do "
        "npm view $p --json | jq '[.name, .version, .description, .license, .homepage, .\"dist-tags\".latest, "
        ".dist.tarball, .dist.integrity, .maintainers[]?]'; done", tmp, n_jq_lines, timeout=300)
    cap("cat-package-lock-slatery", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-slatery", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-slatery", "jq '{name, version, description, dependencies, devDependencies}' package.json",
        app, n_json_file)
    chain("chain-npm-ls-json-slatery-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-slatery", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-all-slatery-exit", "chain-pkg-exit", "pkg",
          [Part("cd slatery", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-slater-venv-head", f"{PIP} inspect 2>/dev/null | head -n 200", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null | head -n 200")
    cap("pip-show-files-workalendar-colorspacious", f"{PIP} show -f workalendar colorspacious", tmp, n_pip_show,
        timeout=300, env=PIP_ENV, typed="pip show -f workalendar colorspacious")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-zaxshed", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    cap("cat-cargo-lock-zaxshed", "cat Cargo.lock", ws, n_cargo_lock)
    slatebook, gauge = w548.build_go(tmp)
    slatebook, gauge = slatebook.rename(tmp / "slatebook"), gauge.rename(tmp / "battengauge")
    genv = dict(GO_ENV)
    cap("go-list-json-slatebook", "go list -json ./...", slatebook, n_go_list_json, env=genv, timeout=300)
    chain("chain-go-list-e-json-battengauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd battengauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "ridgetileblock", {renamed(k, GENERATED): renamed(v, GENERATED)
                                            for k, v in w524.COTTAGEHUT_JS.items()})
    cm.write_tree(lint / "battens", {renamed(k, GENERATED): renamed(v, GENERATED)
                                     for k, v in w524.LOCK_BEAMS_PY.items()})
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-ridgetileblock", f"{eslint} -f json . 2>&1", lint / "ridgetileblock", n_eslint_json,
        timeout=300, typed="npx eslint -f json . 2>&1")
    cap("ruff-json-slater-slates",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json slater_slates 2>/dev/null",
        lint / "battens", n_ruff_json, timeout=300,
        typed="ruff check --no-cache --isolated --select ALL --output-format json slater_slates 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    cap("curl-json-api-batten-holings-page2-json-tool",
        f"curl -s {base}/batten-holings/page2.json | python3 -m json.tool", tmp, n_json_api)
    chain("chain-curl-batten-holings-pages-exit", "chain-curl-exit", "json",
          [Part(f"curl -s {base}/batten-holings/page1.json", n_json_api),
           Part(f"curl -s {base}/batten-holings/page2.json", n_json_api, ";"),
           Part(f"curl -s {base}/batten-holings/page3.json", n_json_api, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("curl-json-api-ridgetile-sales-json-tool", f"curl -s {base}/ridgetile-sales.json | python3 -m json.tool",
        tmp, n_api_json)
    cap("curl-jq-c-slate-rounds", f"curl -s {base}/slate-rounds.json | {JQ_ROUNDS}", tmp, n_jq_compact)


# The documents and minified files, chosen among what the packages (and their dependencies) ship once installed.
CURL_MD = [("curl-md-topojson-client-readme", "topojson-client/README.md", ""),
           ("curl-md-filtrex-readme", "filtrex/README.md", ""),
           ("curl-md-ml-matrix-readme", "ml-matrix/README.md", ""),
           ("curl-md-ohm-js-readme", "ohm-js/README.md", ""),
           ("curl-md-kalmanjs-readme", "kalmanjs/README.md", ""),
           ("curl-md-filtrex-changelog", "filtrex/CHANGELOG.md", ""),
           ("curl-md-commander-readme-topojson", "topojson-client/node_modules/commander/Readme.md", "")]
CURL_HTML: list = []  # as in round 668, no html-cat item
CAT_MIN = [("cat-min-d3-geo", "d3-geo/dist/d3-geo.min.js", ""),
           ("cat-min-d3-shape", "d3-shape/dist/d3-shape.min.js", ""),
           ("cat-min-ohm-js", "ohm-js/dist/ohm.min.js", ""),
           ("cat-min-filtrex", "filtrex/dist/browser/filtrex.min.js", ""),
           ("cat-min-d3-array", "d3-array/dist/d3-array.min.js", "")]
CURL_CHAIN = ("chain-curl-md-algebrite-readme-exit", "algebrite/README.md", "algebrite/CHANGELOG.md")


def docs(tmp: Path) -> None:
    """Round 635's docs step on this round's lists."""
    w635.CURL_MD, w635.CURL_HTML, w635.CAT_MIN, w635.CURL_CHAIN = CURL_MD, CURL_HTML, CAT_MIN, CURL_CHAIN
    w635.docs(tmp)


DOCS_MD = [("oc-webfetch-md-algebrite-contributing", "algebrite/contributing.md"),
           ("oc-webfetch-md-d3-force-readme", "d3-force/README.md")]
DOCS_HTML: list = []  # run 1: commander's CHANGELOG.md through webfetch gave no needle by the rule, dropped
MINIFIED = {"read": ("oc-read-min-d3-hierarchy", "d3-hierarchy/dist/d3-hierarchy.min.js"),
            "bash": ("bash-cat-min-topojson-client", "topojson-client/dist/topojson-client.min.js")}
OC_BASH = [
    ("oc-bash-npm-ls-json-slatery", "n_npm_ls_json", "cd slatery && npm ls --json 2>/dev/null"),
    ("oc-bash-jq-versions-ml-matrix", "n_jq_lines", "npm view ml-matrix --json | jq '.versions'"),
    ("oc-bash-npm-view-filtrex", "n_npm_view", "npm view filtrex --json"),
    ("oc-bash-pip-show-mimesis-workalendar", "n_pip_show", "pip show mimesis colorspacious workalendar ruff"),
]


def specs(root: Path, env: dict) -> list:
    """Round 635's OpenCode items on this round's lists, its chain and lockfile items made again on this round's app
    (as rounds 661 and 668 did)."""
    w635.DOCS_MD, w635.DOCS_HTML, w635.MINIFIED, w635.OC_BASH = DOCS_MD, DOCS_HTML, MINIFIED, OC_BASH
    S = w635.specs(root, env)
    chain_id = "oc-bash-chain-npm-ls-all-exit"
    mine = w469.C(chain_id, "chain-pkg-exit", "pkg",
                  [Part("cd slatery", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                   Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List slatery's dependency tree")
    lock = w469.Spec("oc-read-lock-slatery", "oc-read-lockfile", "json", "read",
                     {"filePath": f"{root}/slatery/package-lock.json"}, "json")
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
            f"cp -a {tmp}/slatery slatery && cp -r {tmp}/zaxshed-ws zaxshed-ws",
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
    sys.modules.setdefault("capture_wide678", sys.modules["__main__"])
    main()
