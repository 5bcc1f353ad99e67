"""Capture round 710 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 668, 694 and 702's pattern), with names from a perfumer's workshop (perfumery, flaconshed, vialbook,
civetgauge; attars distilled in the stills, flacons sold by the pair, the perfumers' rounds), seed 71019: npm
packages kefir, baconjs, json-logic-js, rfc6902, json-ptr, normalizr, randexp, js-base64, geojson-vt, json-schema-faker,
fast-json-stringify, sanitize-html, immutability-helper, supercluster and just-diff installed here (package JSON from
npm view / npm ls / package-lock.json of the perfumery app with a missing dependency, an invalid range and an invalid
peer put in, jq over them); a venv of demjson3, json-logic and ruff (pip inspect, pip show); a Cargo workspace
(flaconshed) for cargo metadata and Cargo.lock; two local Go modules (vialbook, and civetgauge with a missing import)
for go list -json; a loopback JSON API fetched with curl, json.tool and jq -c; eslint -f json and ruff's JSON reporter
on code with faults put in; the installed packages' documentation fetched with curl from a loopback server, minified
files cat'ed; one headless OpenCode run (package commands, read, webfetch of installed documentation, minified JS).

No material is written anew and no earlier round's code is copied: round 702's module is IMPORTED (with round 694's,
686's, ... behind it); every module global it set is set again below to this round's seed, packages, scratch, ports
and members, and this round's word lists are round 702's with their right-hand sides renamed through one table
(bladery -> perfumery). No new extractor: each kind's needles come from the extractor round 702 used for it, imported
through `capture_wide702._imports` (NEEDLES.md's "Round 710: no new rules"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide710.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide710.json  as {"version": 2, "items": [...]}, ids prefixed "wide710-".
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
import capture_wide702 as w702  # noqa: E402  (its module code runs first; everything it set is set again below)
from capture_wide273_go import renamed  # noqa: E402

ID_PREFIX = "wide710-"
DEFAULT_OUT = HERE / "data" / "wide710.json"
TMP = Path("/dev/shm/hm-corpus-wide710")
TOOLS = Path("/dev/shm/hm-corpus-wide710-tools")
PY_VERSIONS = {"demjson3": "3.0.6", "json-logic": "0.6.3", "ruff": "0.17.6"}
NPM_VERSIONS = {"kefir": "3.8.8", "baconjs": "3.0.23", "json-logic-js": "2.0.5", "rfc6902": "5.4.0",
                "json-ptr": "3.1.1", "normalizr": "3.6.2", "randexp": "0.6.1", "js-base64": "3.9.7",
                "geojson-vt": "5.0.3", "json-schema-faker": "0.6.3", "fast-json-stringify": "7.3.11",
                "sanitize-html": "2.18.1", "immutability-helper": "3.1.1", "supercluster": "9.1.0",
                "just-diff": "6.0.2", "eslint": "10.16.0"}
PY_PKGS = [f"{k}=={v}" for k, v in PY_VERSIONS.items()]
NPM_PKGS = list(NPM_VERSIONS)
APP_PKGS = NPM_PKGS[:-1]
INVALID_RANGE = "kefir"         # a range (^0.11.0) the installed 3.x does not satisfy
INVALID_PEER = "js-base64"      # the local plate's peer (^5.0.0) above the installed 3.x

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 71019
PORT_API, PORT_DOCS, PORT_STUB = 18710, 28710, 38710

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "just-diff",
                     [f"{k}@{v}" for k, v in NPM_VERSIONS.items()])
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["vialhook", "civetbook", "perfumer", "flaconbar", "vialwall", "flaconshed"]
MODS = (w702,) + w702.MODS

for _m in MODS:
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
for _m in MODS[:-3]:
    _m.VENV, _m.JS = VENV, JS
w524.APP_PKGS = [p for p in APP_PKGS if p != INVALID_RANGE]
w524.LOCKS = ["neroli-room", "attar-bench", "vial-shop", "civet-loft", "flacon-store", "still-yard"]
w524.LENGTHSMEN = ["Tabitha Attarwell", "Silas Vialridge", "Jemima Civetby", "Enoch Stillson",
                   "Prudence Flaconley", "Obadiah Neroliworth"]
w9b.TMP = TMP
w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB

# Round 702's word lists, their right-hand sides (the bladesmith's words) renamed to the perfumer's, in this order.
PERFUMERY = (
    (f'"{w702.INVALID_RANGE}": "^0.11.0"', f'"{INVALID_RANGE}": "^0.11.0"'),
    (f'"{w702.INVALID_PEER}": "^5.0.0"', f'"{INVALID_PEER}": "^5.0.0"'),
    ("blade cracked in the quench: scabbards scrapped, sale refunded",
     "attar soured in the still: flacons scrapped, sale refunded"),
    ("blades ground on the whetstones", "attars distilled in the stills"),
    ("blade laid on the whetstones", "attar laid in the stills"),
    ("scabbardshed", "flaconshed"), ("scabbardboard", "flaconboard"), ("scabbardbar", "flaconbar"),
    ("Scabbardcord", "Flaconcord"), ("scabbard", "flacon"), ("Scabbard", "Flacon"),
    ("hiltwhetstone", "vialstill"), ("hiltplate", "vialplate"), ("hiltbook", "vialbook"), ("hiltwall", "vialwall"),
    ("hilthook", "vialhook"), ("hiltwheel", "vialwheel"), ("hilt", "vial"), ("Hilt", "Vial"),
    ("tanggauge", "civetgauge"), ("tangkit", "civetkit"), ("tangbook", "civetbook"), ("tangblock", "civetblock"),
    ("tang", "civet"), ("Tang", "Civet"),
    ("quenchbook", "nerolibook"), ("quench", "neroli"), ("Quench", "Neroli"),
    ("bladesmith_blades", "perfumer_attars"), ("Bladesmiths", "Perfumers"), ("bladesmiths", "perfumers"),
    ("Bladesmith", "Perfumer"), ("bladesmith", "perfumer"),
    ("Bladery", "Perfumery"), ("bladery", "perfumery"), ("bladekit", "attarkit"), ('"BS-', '"PF-'),
    ("Bladeboxes", "Attarboxes"), ("bladeboxes", "attarboxes"), ("Bladebox", "Attarbox"), ("bladebox", "attarbox"),
    ("Blades", "Attars"), ("blades", "attars"), ("Blade", "Attar"), ("blade", "attar"),
    ("Whetstones", "Stills"), ("whetstones", "stills"), ("Whetstone", "Still"), ("whetstone", "still"),
    ("Grinding", "Distilling"), ("grinding", "distilling"), ("Grind", "Distil"), ("grind", "distil"),
    ("fullers", "notes"), ("Fuller", "Note"), ("fuller", "note"),
)
LEFTOVER = ("blade", "scabbard", "hilt", "tang", "whetstone", "quench", "grind", "fuller")


def _perfumery(pairs: tuple) -> tuple:
    return tuple((old, renamed(new, PERFUMERY)) for old, new in pairs)


NAMES, PHRASES, WORDS = _perfumery(w702.NAMES), _perfumery(w702.PHRASES), _perfumery(w702.WORDS)
GENERATED = PHRASES + NAMES + WORDS
_left = [new for _, new in GENERATED if any(w in new.lower() for w in LEFTOVER)]
assert not _left, f"bladesmith words left after the renaming: {_left[:8]}"
for _m in MODS[:13]:
    if hasattr(_m, "GENERATED"):
        _m.NAMES, _m.PHRASES, _m.WORDS, _m.GENERATED = NAMES, PHRASES, WORDS, GENERATED
        _m.INVALID_RANGE, _m.INVALID_PEER, _m.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS


def _imports():
    """Round 702's imports (694's, 686's, ...: the JSON kinds' extractors and the documents')."""
    w702._imports()
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock", "n_html", "n_min_js", "n_markdown"):
        g[name] = getattr(w702, name)


GO_ENV = w702.GO_ENV
for _k in ("GOCACHE", "GOPATH"):
    GO_ENV[_k] = GO_ENV[_k].replace("wide702", "wide710")
JQ_ROUNDS = renamed(w702.JQ_ROUNDS, PERFUMERY)
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}



# ---------------------------------------------------------------- steps (round 702's, on this round's packages)

def api_server(tmp: Path) -> None:
    w548.api_server(tmp)


def packages(tmp: Path) -> None:
    app = w548.build_app(tmp).rename(tmp / "perfumery")
    ws = w548.build_workspace(tmp).rename(tmp / "flaconshed-ws")
    (app / "node_modules" / "berthplate").rename(app / "node_modules" / "vialplate")
    cap("npm-view-json-schema-faker-json", "npm view json-schema-faker --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-kefir-exit", "chain-pkg-exit", "pkg",
          [Part("npm view kefir --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in rfc6902 json-ptr normalizr randexp js-base64 immutability-helper supercluster just-diff; do "
        "npm view $p --json | jq '[.name, .version, .description, .license, .homepage, .\"dist-tags\".latest, "
        ".dist.tarball, .dist.integrity, .maintainers[]?]'; done", tmp, n_jq_lines, timeout=300)
    cap("cat-package-lock-perfumery", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-perfumery", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-perfumery", "jq '{name, version, description, dependencies, devDependencies}' package.json",
        app, n_json_file)
    chain("chain-npm-ls-json-perfumery-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-perfumery", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-all-perfumery-exit", "chain-pkg-exit", "pkg",
          [Part("cd perfumery", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-perfumer-venv", f"{PIP} inspect 2>/dev/null", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null")
    cap("pip-show-files-demjson3-json-logic", f"{PIP} show -f demjson3 json-logic", tmp, n_pip_show,
        timeout=300, env=PIP_ENV, typed="pip show -f demjson3 json-logic")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-flaconshed", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    cap("cat-cargo-lock-flaconshed", "cat Cargo.lock", ws, n_cargo_lock)
    vialbook, gauge = w548.build_go(tmp)
    vialbook, gauge = vialbook.rename(tmp / "vialbook"), gauge.rename(tmp / "civetgauge")
    genv = dict(GO_ENV)
    cap("go-list-json-vialbook", "go list -json ./...", vialbook, n_go_list_json, env=genv, timeout=300)
    cap("go-list-json-deps-vialbook", "go list -json -deps ./...", vialbook, n_go_list_json, env=genv,
        timeout=300)
    chain("chain-go-list-e-json-civetgauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd civetgauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "civetblock", {renamed(k, GENERATED): renamed(v, GENERATED)
                                        for k, v in w524.COTTAGEHUT_JS.items()})
    cm.write_tree(lint / "stills", {renamed(k, GENERATED): renamed(v, GENERATED)
                                    for k, v in w524.LOCK_BEAMS_PY.items()})
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-civetblock", f"{eslint} -f json . 2>&1", lint / "civetblock", n_eslint_json,
        timeout=300, typed="npx eslint -f json . 2>&1")
    cap("ruff-json-perfumer-attars",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json perfumer_attars 2>/dev/null",
        lint / "stills", n_ruff_json, timeout=300,
        typed="ruff check --no-cache --isolated --select ALL --output-format json perfumer_attars 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    cap("curl-json-api-still-distillings-page1-json-tool",
        f"curl -s {base}/still-distillings/page1.json | python3 -m json.tool", tmp, n_json_api)
    chain("chain-curl-still-distillings-pages-exit", "chain-curl-exit", "json",
          [Part(f"curl -s {base}/still-distillings/page1.json", n_json_api),
           Part(f"curl -s {base}/still-distillings/page2.json", n_json_api, ";"),
           Part(f"curl -s {base}/still-distillings/page3.json", n_json_api, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("curl-json-api-flacon-sales-json-tool", f"curl -s {base}/flacon-sales.json | python3 -m json.tool",
        tmp, n_api_json)
    cap("curl-jq-c-attar-rounds", f"curl -s {base}/attar-rounds.json | {JQ_ROUNDS}", tmp, n_jq_compact)


# The documents and minified files, chosen among what the packages (and their dependencies) ship once installed.
CURL_MD = [("curl-md-baconjs-readme", "baconjs/README.md", ""),
           ("curl-md-fast-json-stringify-readme", "fast-json-stringify/README.md", ""),
           ("curl-md-sanitize-html-readme", "sanitize-html/README.md", ""),
           ("curl-md-json-ptr-readme", "json-ptr/README.md", ""),
           ("curl-md-rfc6902-readme", "rfc6902/README.md", ""),
           ("curl-md-immutability-helper-readme", "immutability-helper/README.md", ""),
           ("curl-md-json-schema-faker-readme", "json-schema-faker/README.md", ""),
           ("curl-md-kefir-changelog", "kefir/changelog.md", "")]
CURL_HTML: list = []  # as in rounds 668-702, no html-cat item
CAT_MIN = [("cat-min-kefir", "kefir/dist/kefir.min.js", ""),
           ("cat-min-baconjs", "baconjs/dist/Bacon.min.js", ""),
           ("cat-min-json-ptr", "json-ptr/dist/json-ptr.min.js", ""),
           ("cat-min-supercluster", "supercluster/dist/supercluster.min.js", ""),
           ("cat-min-ajv", "ajv/dist/ajv.min.js", "")]  # ajv 6.15.0, eslint's dependency
CURL_CHAIN = ("chain-curl-md-randexp-readme-exit", "randexp/README.md", "randexp/CHANGELOG.md")


def docs(tmp: Path) -> None:
    """Round 635's docs step on this round's lists."""
    w635.CURL_MD, w635.CURL_HTML, w635.CAT_MIN, w635.CURL_CHAIN = CURL_MD, CURL_HTML, CAT_MIN, CURL_CHAIN
    w635.docs(tmp)


DOCS_MD = [("oc-webfetch-md-js-base64-readme", "js-base64/README.md"),
           ("oc-webfetch-md-geojson-vt-readme", "geojson-vt/README.md")]
DOCS_HTML: list = []
MINIFIED = {"read": ("oc-read-min-normalizr", "normalizr/dist/normalizr.min.js"),
            "bash": ("bash-cat-min-rfc6902", "rfc6902/dist/rfc6902.min.js")}
OC_BASH = [
    ("oc-bash-npm-ls-json-perfumery", "n_npm_ls_json", "cd perfumery && npm ls --json 2>/dev/null"),
    ("oc-bash-jq-versions-baconjs", "n_jq_lines", "npm view baconjs --json | jq '.versions'"),
    ("oc-bash-npm-view-sanitize-html", "n_npm_view", "npm view sanitize-html --json"),
    ("oc-bash-pip-show-demjson3-ruff", "n_pip_show", "pip show demjson3 json-logic ruff"),
]


def specs(root: Path, env: dict) -> list:
    """Round 635's OpenCode items on this round's lists, its chain and lockfile items made again on this round's app
    (as rounds 661-702 did)."""
    w635.DOCS_MD, w635.DOCS_HTML, w635.MINIFIED, w635.OC_BASH = DOCS_MD, DOCS_HTML, MINIFIED, OC_BASH
    S = w635.specs(root, env)
    chain_id = "oc-bash-chain-npm-ls-all-exit"
    mine = w469.C(chain_id, "chain-pkg-exit", "pkg",
                  [Part("cd perfumery", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                   Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List perfumery's dependency tree")
    lock = w469.Spec("oc-read-lock-perfumery", "oc-read-lockfile", "json", "read",
                     {"filePath": f"{root}/perfumery/package-lock.json"}, "json")
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
            f"cp -a {tmp}/perfumery perfumery && cp -r {tmp}/flaconshed-ws flaconshed-ws",
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
    sys.modules.setdefault("capture_wide710", sys.modules["__main__"])
    main()
