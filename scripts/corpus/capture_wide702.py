"""Capture round 702 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 678, 686 and 694's pattern), with names from a bladesmith's shop (bladery, scabbardshed, hiltbook,
tanggauge; blades ground on the whetstones, scabbards sold by the pair, the bladesmiths' rounds), seed 70219: npm
packages jsonrepair, mingo, json-diff, jexl, oboe, jsbi, xml-js, taffydb, store2, jsonc-parser, json-bigint,
fast-json-patch, superjson, devalue and moment-timezone installed here (package JSON from npm view / npm ls /
package-lock.json of the bladery app with a missing dependency, an invalid range and an invalid peer put in, jq over
them); a venv of pyjson5, pytoml and ruff (pip inspect, pip show); a Cargo workspace (scabbardshed) for cargo metadata
and Cargo.lock; two local Go modules (hiltbook, and tanggauge with a missing import) for go list -json; a loopback
JSON API fetched with curl, json.tool and jq -c; eslint -f json and ruff's JSON reporter on code with faults put in;
the installed packages' documentation fetched with curl from a loopback server, minified files cat'ed; one headless
OpenCode run (package commands, read, webfetch of installed documentation, minified JS).

No material is written anew and no earlier round's code is copied: round 694's module is IMPORTED (with round 686's,
678's, ... behind it); every module global it set is set again below to this round's seed, packages, scratch, ports
and members, and this round's word lists are round 694's with their right-hand sides renamed through one table
(lapidary -> bladery). No new extractor: each kind's needles come from the extractor round 694 used for it, imported
through `capture_wide694._imports` (NEEDLES.md's "Round 702: no new rules"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide702.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide702.json  as {"version": 2, "items": [...]}, ids prefixed "wide702-".
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
import capture_wide694 as w694  # noqa: E402  (its module code runs first; everything it set is set again below)
from capture_wide273_go import renamed  # noqa: E402

ID_PREFIX = "wide702-"
DEFAULT_OUT = HERE / "data" / "wide702.json"
TMP = Path("/dev/shm/hm-corpus-wide702")
TOOLS = Path("/dev/shm/hm-corpus-wide702-tools")
PY_VERSIONS = {"pyjson5": "2.0.1", "pytoml": "0.1.21", "ruff": "0.17.6"}
NPM_VERSIONS = {"jsonrepair": "3.15.0", "mingo": "7.2.7", "json-diff": "1.0.6", "jexl": "2.3.0", "oboe": "2.1.7",
                "jsbi": "4.3.2", "xml-js": "1.6.11", "taffydb": "2.7.3", "store2": "2.14.4",
                "jsonc-parser": "3.3.1", "json-bigint": "1.0.0", "fast-json-patch": "3.1.2", "superjson": "2.2.7",
                "devalue": "6.0.3", "moment-timezone": "0.6.6", "eslint": "10.16.0"}
PY_PKGS = [f"{k}=={v}" for k, v in PY_VERSIONS.items()]
NPM_PKGS = list(NPM_VERSIONS)
APP_PKGS = NPM_PKGS[:-1]
INVALID_RANGE = "mingo"         # a range (^0.11.0) the installed 7.x does not satisfy
INVALID_PEER = "jsonrepair"     # the local plate's peer (^5.0.0) above the installed 3.x

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 70219
PORT_API, PORT_DOCS, PORT_STUB = 18702, 28702, 38702

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "moment-timezone",
                     [f"{k}@{v}" for k, v in NPM_VERSIONS.items()])
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["hilthook", "tangbook", "bladesmith", "scabbardbar", "hiltwall", "scabbardshed"]
MODS = (w694,) + w694.MODS

for _m in MODS:
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
for _m in MODS[:-3]:
    _m.VENV, _m.JS = VENV, JS
w524.APP_PKGS = [p for p in APP_PKGS if p != INVALID_RANGE]
w524.LOCKS = ["quench-room", "blade-bench", "hilt-shop", "tang-loft", "scabbard-store", "whetstone-yard"]
w524.LENGTHSMEN = ["Tabitha Bladewell", "Silas Hiltridge", "Jemima Tangby", "Enoch Whetson",
                   "Prudence Scabbardley", "Obadiah Quenchworth"]
w9b.TMP = TMP
w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB

# Round 694's word lists, their right-hand sides (the lapidary's words) renamed to the bladesmith's, in this order
# ("scabbard" holds "cab": it is written as a placeholder, \x01 / \x02, until the table's last two pairs).
BLADERY = (
    (f'"{w694.INVALID_RANGE}": "^0.11.0"', f'"{INVALID_RANGE}": "^0.11.0"'),
    (f'"{w694.INVALID_PEER}": "^5.0.0"', f'"{INVALID_PEER}": "^5.0.0"'),
    ("gem cracked on the wheel: cabochons scrapped, sale refunded",
     "blade cracked in the quench: \x01s scrapped, sale refunded"),
    ("gems cut on the wheels", "blades ground on the whetstones"),
    ("cabochons sold by the carat", "\x01s sold by the pair"),
    ("by the carat", "by the pair"),
    ("facetshed", "\x01shed"), ("facetwheel", "hiltwheel"), ("gemhook", "hilthook"), ("cabbook", "tangbook"),
    ("facetbar", "\x01bar"), ("wheelwall", "hiltwall"), ("gembook", "hiltbook"), ("gemgauge", "tanggauge"),
    ("wheelgauge", "tanggauge"), ("gemkit", "bladekit"), ("facetblock", "tangblock"),
    ("lapidist_gems", "bladesmith_blades"), ("cabochonplate", "hiltplate"), ("cabochonboard", "\x01board"),
    ("Cabochoncord", "\x02cord"), ("cabkit", "tangkit"), ("cutbook", "quenchbook"), ('"LA-', '"BS-'),
    ("Lapidary", "Bladery"), ("lapidary", "bladery"), ("Lapidists", "Bladesmiths"), ("lapidists", "bladesmiths"),
    ("Lapidist", "Bladesmith"), ("lapidist", "bladesmith"),
    ("Cabochons", "\x02s"), ("cabochons", "\x01s"), ("Cabochon", "\x02"), ("cabochon", "\x01"),
    ("Wheels", "Whetstones"), ("wheels", "whetstones"), ("Wheel", "Whetstone"), ("wheel", "whetstone"),
    ("Cutting", "Grinding"), ("cutting", "grinding"), ("Cut", "Grind"), ("cut", "grind"),
    ("Gemboxes", "Bladeboxes"), ("gemboxes", "bladeboxes"), ("Gembox ", "Bladebox "), ("gembox ", "bladebox "),
    ("Gems", "Blades"), ("gems", "blades"), ("Gem", "Blade"), ("gem", "blade"),
    ("Cab", "Tang"), ("cab", "tang"), ("facets", "fullers"), ("Facet", "Fuller"), ("facet", "fuller"),
    ("carat", "pair"), ("\x01", "scabbard"), ("\x02", "Scabbard"),
)
LEFTOVER = ("lapid", "cabochon", "facet", "gem", "carat")


def _bladery(pairs: tuple) -> tuple:
    return tuple((old, renamed(new, BLADERY)) for old, new in pairs)


NAMES, PHRASES, WORDS = _bladery(w694.NAMES), _bladery(w694.PHRASES), _bladery(w694.WORDS)
GENERATED = PHRASES + NAMES + WORDS
_left = [new for _, new in GENERATED if any(w in new.lower() for w in LEFTOVER)]
assert not _left, f"lapidary words left after the renaming: {_left[:8]}"
for _m in MODS[:12]:
    if hasattr(_m, "GENERATED"):
        _m.NAMES, _m.PHRASES, _m.WORDS, _m.GENERATED = NAMES, PHRASES, WORDS, GENERATED
        _m.INVALID_RANGE, _m.INVALID_PEER, _m.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS


def _imports():
    """Round 694's imports (686's, 678's, ...: the JSON kinds' extractors and the documents')."""
    w694._imports()
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock", "n_html", "n_min_js", "n_markdown"):
        g[name] = getattr(w694, name)


GO_ENV = w694.GO_ENV
for _k in ("GOCACHE", "GOPATH"):
    GO_ENV[_k] = GO_ENV[_k].replace("wide694", "wide702")
JQ_ROUNDS = renamed(w694.JQ_ROUNDS, BLADERY)
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}


# ---------------------------------------------------------------- steps

def api_server(tmp: Path) -> None:
    w548.api_server(tmp)


def packages(tmp: Path) -> None:
    app = w548.build_app(tmp).rename(tmp / "bladery")
    ws = w548.build_workspace(tmp).rename(tmp / "scabbardshed-ws")
    (app / "node_modules" / "berthplate").rename(app / "node_modules" / "hiltplate")
    cap("npm-view-moment-timezone-json", "npm view moment-timezone --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-mingo-exit", "chain-pkg-exit", "pkg",
          [Part("npm view mingo --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in jsonrepair json-diff jexl oboe jsbi taffydb superjson devalue; do "
        "npm view $p --json | jq '[.name, .version, .description, .license, .homepage, .\"dist-tags\".latest, "
        ".dist.tarball, .dist.integrity, .maintainers[]?]'; done", tmp, n_jq_lines, timeout=300)
    cap("cat-package-lock-bladery", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-bladery", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-bladery", "jq '{name, version, description, dependencies, devDependencies}' package.json",
        app, n_json_file)
    chain("chain-npm-ls-json-bladery-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-bladery", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-all-bladery-exit", "chain-pkg-exit", "pkg",
          [Part("cd bladery", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-bladesmith-venv", f"{PIP} inspect 2>/dev/null", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null")
    cap("pip-show-files-pyjson5-pytoml", f"{PIP} show -f pyjson5 pytoml", tmp, n_pip_show,
        timeout=300, env=PIP_ENV, typed="pip show -f pyjson5 pytoml")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-scabbardshed", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    cap("cat-cargo-lock-scabbardshed", "cat Cargo.lock", ws, n_cargo_lock)
    hiltbook, gauge = w548.build_go(tmp)
    hiltbook, gauge = hiltbook.rename(tmp / "hiltbook"), gauge.rename(tmp / "tanggauge")
    genv = dict(GO_ENV)
    cap("go-list-json-hiltbook", "go list -json ./...", hiltbook, n_go_list_json, env=genv, timeout=300)
    chain("chain-go-list-e-json-tanggauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd tanggauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "tangblock", {renamed(k, GENERATED): renamed(v, GENERATED)
                                       for k, v in w524.COTTAGEHUT_JS.items()})
    cm.write_tree(lint / "whetstones", {renamed(k, GENERATED): renamed(v, GENERATED)
                                        for k, v in w524.LOCK_BEAMS_PY.items()})
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-tangblock", f"{eslint} -f json . 2>&1", lint / "tangblock", n_eslint_json,
        timeout=300, typed="npx eslint -f json . 2>&1")
    cap("ruff-json-bladesmith-blades",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json bladesmith_blades 2>/dev/null",
        lint / "whetstones", n_ruff_json, timeout=300,
        typed="ruff check --no-cache --isolated --select ALL --output-format json bladesmith_blades 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    cap("curl-json-api-whetstone-grindings-page1-json-tool",
        f"curl -s {base}/whetstone-grindings/page1.json | python3 -m json.tool", tmp, n_json_api)
    chain("chain-curl-whetstone-grindings-pages-exit", "chain-curl-exit", "json",
          [Part(f"curl -s {base}/whetstone-grindings/page1.json", n_json_api),
           Part(f"curl -s {base}/whetstone-grindings/page2.json", n_json_api, ";"),
           Part(f"curl -s {base}/whetstone-grindings/page3.json", n_json_api, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("curl-json-api-scabbard-sales-json-tool", f"curl -s {base}/scabbard-sales.json | python3 -m json.tool",
        tmp, n_api_json)
    cap("curl-jq-c-blade-rounds", f"curl -s {base}/blade-rounds.json | {JQ_ROUNDS}", tmp, n_jq_compact)


# The documents and minified files, chosen among what the packages (and their dependencies) ship once installed.
CURL_MD = [("curl-md-mingo-readme", "mingo/README.md", ""),
           ("curl-md-json-diff-readme", "json-diff/README.md", ""),
           ("curl-md-jexl-readme", "jexl/README.md", ""),
           ("curl-md-xml-js-readme", "xml-js/README.md", ""),
           ("curl-md-store2-readme", "store2/README.md", ""),
           ("curl-md-superjson-readme", "superjson/README.md", ""),
           ("curl-md-mingo-changelog", "mingo/CHANGELOG.md", ""),
           ("curl-md-moment-timezone-changelog", "moment-timezone/changelog.md", "")]
CURL_HTML: list = []  # as in rounds 668-694, no html-cat item
CAT_MIN = [("cat-min-mingo", "mingo/dist/mingo.min.js", ""),
           ("cat-min-xml-js", "xml-js/dist/xml-js.min.js", ""),
           ("cat-min-taffydb", "taffydb/taffy-min.js", ""),
           ("cat-min-oboe", "oboe/dist/oboe-browser.min.js", ""),
           ("cat-min-moment-timezone-10-year",
            "moment-timezone/builds/moment-timezone-with-data-10-year-range.min.js", "")]
CURL_CHAIN = ("chain-curl-md-devalue-readme-exit", "devalue/README.md", "devalue/CHANGELOG.md")


def docs(tmp: Path) -> None:
    """Round 635's docs step on this round's lists."""
    w635.CURL_MD, w635.CURL_HTML, w635.CAT_MIN, w635.CURL_CHAIN = CURL_MD, CURL_HTML, CAT_MIN, CURL_CHAIN
    w635.docs(tmp)


DOCS_MD = [("oc-webfetch-md-jsonc-parser-readme", "jsonc-parser/README.md"),
           ("oc-webfetch-md-fast-json-patch-readme", "fast-json-patch/README.md")]
DOCS_HTML: list = []
MINIFIED = {"read": ("oc-read-min-store2", "store2/dist/store2.min.js"),
            "bash": ("bash-cat-min-fast-json-patch", "fast-json-patch/dist/fast-json-patch.min.js")}
OC_BASH = [
    ("oc-bash-npm-ls-json-bladery", "n_npm_ls_json", "cd bladery && npm ls --json 2>/dev/null"),
    ("oc-bash-jq-versions-mingo", "n_jq_lines", "npm view mingo --json | jq '.versions'"),
    ("oc-bash-npm-view-jexl", "n_npm_view", "npm view jexl --json"),
    ("oc-bash-pip-show-pyjson5-ruff", "n_pip_show", "pip show pyjson5 pytoml ruff"),
]


def specs(root: Path, env: dict) -> list:
    """Round 635's OpenCode items on this round's lists, its chain and lockfile items made again on this round's app
    (as rounds 661-694 did)."""
    w635.DOCS_MD, w635.DOCS_HTML, w635.MINIFIED, w635.OC_BASH = DOCS_MD, DOCS_HTML, MINIFIED, OC_BASH
    S = w635.specs(root, env)
    chain_id = "oc-bash-chain-npm-ls-all-exit"
    mine = w469.C(chain_id, "chain-pkg-exit", "pkg",
                  [Part("cd bladery", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                   Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List bladery's dependency tree")
    lock = w469.Spec("oc-read-lock-bladery", "oc-read-lockfile", "json", "read",
                     {"filePath": f"{root}/bladery/package-lock.json"}, "json")
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
            f"cp -a {tmp}/bladery bladery && cp -r {tmp}/scabbardshed-ws scabbardshed-ws",
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
    sys.modules.setdefault("capture_wide702", sys.modules["__main__"])
    main()
