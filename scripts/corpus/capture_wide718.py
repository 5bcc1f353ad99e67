"""Capture round 718 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 668, 702 and 710's pattern), with names from a locksmith's workshop (lockery, wardshed, keybook,
tumblergauge; keys cut on the blanks, wards sold by the pair, the locksmiths' rounds), seed 71819: npm packages
json-2-csv, stream-json, bfj, clarinet, dot-object, collect.js, z-schema, tv4, is-my-json-valid, liquidjs, js-sha256,
random-js, wellknown, yamljs and countries-list installed here (package JSON from npm view / npm ls /
package-lock.json of the lockery app with a missing dependency, an invalid range and an invalid peer put in, jq over
them); a venv of canonicaljson, json-tricks and ruff (pip inspect, pip show); a Cargo workspace (wardshed) for cargo
metadata and Cargo.lock; two local Go modules (keybook, and tumblergauge with a missing import) for go list -json; a
loopback JSON API fetched with curl, json.tool and jq -c; eslint -f json and ruff's JSON reporter on code with faults
put in; the installed packages' documentation fetched with curl from a loopback server, minified files cat'ed; one
headless OpenCode run if time allows (package commands, read, webfetch of installed documentation, minified JS).

No material is written anew and no earlier round's code is copied: round 710's module is IMPORTED (with round 702's,
694's, ... behind it); every module global it set is set again below to this round's seed, packages, scratch, ports
and members, and this round's word lists are round 710's with their right-hand sides renamed through one table
(perfumery -> lockery). No new extractor: each kind's needles come from the extractor round 710 used for it, imported
through `capture_wide710._imports` (NEEDLES.md's "Round 718: no new rules"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide718.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide718.json  as {"version": 2, "items": [...]}, ids prefixed "wide718-".
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
import capture_wide710 as w710  # noqa: E402  (its module code runs first; everything it set is set again below)
from capture_wide273_go import renamed  # noqa: E402

ID_PREFIX = "wide718-"
DEFAULT_OUT = HERE / "data" / "wide718.json"
TMP = Path("/dev/shm/hm-corpus-wide718")
TOOLS = Path("/dev/shm/hm-corpus-wide718-tools")
PY_VERSIONS = {"canonicaljson": "2.0.0", "json-tricks": "3.17.3", "ruff": "0.17.6"}
NPM_VERSIONS = {"json-2-csv": "5.6.0", "stream-json": "3.9.0", "bfj": "9.1.4", "clarinet": "0.12.6",
                "dot-object": "2.1.5", "collect.js": "4.36.1", "z-schema": "12.5.0", "tv4": "1.3.0",
                "is-my-json-valid": "2.20.6", "liquidjs": "10.31.0", "js-sha256": "1.0.0", "random-js": "2.1.0",
                "wellknown": "0.5.0", "yamljs": "0.3.0", "countries-list": "3.4.1", "eslint": "10.16.0"}
PY_PKGS = [f"{k}=={v}" for k, v in PY_VERSIONS.items()]
NPM_PKGS = list(NPM_VERSIONS)
APP_PKGS = NPM_PKGS[:-1]
INVALID_RANGE = "liquidjs"      # a range (^0.11.0) the installed 10.x does not satisfy
INVALID_PEER = "dot-object"     # the local plate's peer (^5.0.0) above the installed 2.x

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 71819
PORT_API, PORT_DOCS, PORT_STUB = 18718, 28718, 38718

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "countries-list",
                     [f"{k}@{v}" for k, v in NPM_VERSIONS.items()])
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["keyhook", "tumblerbook", "locksmith", "wardbar", "keywall", "wardshed"]
MODS = (w710,) + w710.MODS

for _m in MODS:
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
for _m in MODS[:-3]:
    _m.VENV, _m.JS = VENV, JS
w524.APP_PKGS = [p for p in APP_PKGS if p != INVALID_RANGE]
w524.LOCKS = ["bolt-room", "key-bench", "ward-shop", "tumbler-loft", "blank-store", "latch-yard"]
w524.LENGTHSMEN = ["Tabitha Keywell", "Silas Wardridge", "Jemima Tumblerby", "Enoch Blankson",
                   "Prudence Boltley", "Obadiah Latchworth"]
w9b.TMP = TMP
w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB

# Round 710's word lists, their right-hand sides (the perfumer's words) renamed to the locksmith's, in this order.
LOCKERY = (
    (f'"{w710.INVALID_RANGE}": "^0.11.0"', f'"{INVALID_RANGE}": "^0.11.0"'),
    (f'"{w710.INVALID_PEER}": "^5.0.0"', f'"{INVALID_PEER}": "^5.0.0"'),
    ("attar soured in the still: flacons scrapped, sale refunded",
     "key snapped in the ward: escutcheons scrapped, sale refunded"),
    ("attars distilled in the stills", "keys cut on the blanks"),
    ("attar laid in the stills", "key laid on the blanks"),
    ("perfumer_attars", "locksmith_keys"), ("attarkit", "boltkit"),
    ("flaconshed", "wardshed"), ("flaconboard", "wardboard"), ("flaconbar", "wardbar"),
    ("Flaconcord", "Wardcord"), ("flacon", "ward"), ("Flacon", "Ward"),
    ("vialstill", "keyblank"), ("vialplate", "keyplate"), ("vialbook", "keybook"), ("vialwall", "keywall"),
    ("vialhook", "keyhook"), ("vialwheel", "keywheel"), ("vial", "key"), ("Vial", "Key"),
    ("civetgauge", "tumblergauge"), ("civetkit", "tumblerkit"), ("civetbook", "tumblerbook"),
    ("civetblock", "tumblerblock"), ("civet", "tumbler"), ("Civet", "Tumbler"),
    ("nerolibook", "boltbook"), ("neroli", "bolt"), ("Neroli", "Bolt"),
    ("Perfumers", "Locksmiths"), ("perfumers", "locksmiths"), ("Perfumer", "Locksmith"), ("perfumer", "locksmith"),
    ("Perfumery", "Lockery"), ("perfumery", "lockery"), ('"PF-', '"LK-'),
    ("Attarboxes", "Lockboxes"), ("attarboxes", "lockboxes"), ("Attarbox", "Lockbox"), ("attarbox", "lockbox"),
    ("Attars", "Keys"), ("attars", "keys"), ("Attar", "Key"), ("attar", "key"),
    ("Distilling", "Cutting"), ("distilling", "cutting"), ("Distil", "Cut"), ("distil", "cut"),
    ("Stills", "Blanks"), ("stills", "blanks"), ("Still", "Blank"), ("still", "blank"),
)
LEFTOVER = ("perfum", "flacon", "vial", "civet", "neroli", "attar", "distil", "still")


def _lockery(pairs: tuple) -> tuple:
    return tuple((old, renamed(new, LOCKERY)) for old, new in pairs)


NAMES, PHRASES, WORDS = _lockery(w710.NAMES), _lockery(w710.PHRASES), _lockery(w710.WORDS)
GENERATED = PHRASES + NAMES + WORDS
_left = [new for _, new in GENERATED if any(w in new.lower() for w in LEFTOVER)]
assert not _left, f"perfumer words left after the renaming: {_left[:8]}"
for _m in MODS[:14]:
    if hasattr(_m, "GENERATED"):
        _m.NAMES, _m.PHRASES, _m.WORDS, _m.GENERATED = NAMES, PHRASES, WORDS, GENERATED
        _m.INVALID_RANGE, _m.INVALID_PEER, _m.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS


def _imports():
    """Round 710's imports (702's, 694's, ...: the JSON kinds' extractors and the documents')."""
    w710._imports()
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock", "n_html", "n_min_js", "n_markdown"):
        g[name] = getattr(w710, name)


GO_ENV = w710.GO_ENV
for _k in ("GOCACHE", "GOPATH"):
    GO_ENV[_k] = GO_ENV[_k].replace("wide710", "wide718")
JQ_ROUNDS = renamed(w710.JQ_ROUNDS, LOCKERY)
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def install() -> None:
    (TOOLS / "src").mkdir(parents=True, exist_ok=True)
    (TOOLS / "src" / "none-sdists").touch()
    TOOLSET.install()


# ---------------------------------------------------------------- steps (round 710's, on this round's packages)

def api_server(tmp: Path) -> None:
    w548.api_server(tmp)


def packages(tmp: Path) -> None:
    app = w548.build_app(tmp).rename(tmp / "lockery")
    ws = w548.build_workspace(tmp).rename(tmp / "wardshed-ws")
    (app / "node_modules" / "berthplate").rename(app / "node_modules" / "keyplate")
    cap("npm-view-liquidjs-json", "npm view liquidjs --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-z-schema-exit", "chain-pkg-exit", "pkg",
          [Part("npm view z-schema --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in json-2-csv stream-json bfj clarinet tv4 is-my-json-valid wellknown yamljs; do "
        "npm view $p --json | jq '[.name, .version, .description, .license, .homepage, .\"dist-tags\".latest, "
        ".dist.tarball, .dist.integrity, .maintainers[]?]'; done", tmp, n_jq_lines, timeout=300)
    cap("cat-package-lock-lockery", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-lockery", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-lockery", "jq '{name, version, description, dependencies, devDependencies}' package.json",
        app, n_json_file)
    chain("chain-npm-ls-json-lockery-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-lockery", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-all-lockery-exit", "chain-pkg-exit", "pkg",
          [Part("cd lockery", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-locksmith-venv", f"{PIP} inspect 2>/dev/null", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null")
    cap("pip-show-files-canonicaljson-json-tricks", f"{PIP} show -f canonicaljson json-tricks", tmp, n_pip_show,
        timeout=300, env=PIP_ENV, typed="pip show -f canonicaljson json-tricks")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-wardshed", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    cap("cat-cargo-lock-wardshed", "cat Cargo.lock", ws, n_cargo_lock)
    keybook, gauge = w548.build_go(tmp)
    keybook, gauge = keybook.rename(tmp / "keybook"), gauge.rename(tmp / "tumblergauge")
    genv = dict(GO_ENV)
    cap("go-list-json-keybook", "go list -json ./...", keybook, n_go_list_json, env=genv, timeout=300)
    cap("go-list-json-deps-keybook", "go list -json -deps ./...", keybook, n_go_list_json, env=genv,
        timeout=300)
    chain("chain-go-list-e-json-tumblergauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd tumblergauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "tumblerblock", {renamed(k, GENERATED): renamed(v, GENERATED)
                                          for k, v in w524.COTTAGEHUT_JS.items()})
    cm.write_tree(lint / "blanks", {renamed(k, GENERATED): renamed(v, GENERATED)
                                    for k, v in w524.LOCK_BEAMS_PY.items()})
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-tumblerblock", f"{eslint} -f json . 2>&1", lint / "tumblerblock", n_eslint_json,
        timeout=300, typed="npx eslint -f json . 2>&1")
    cap("ruff-json-locksmith-keys",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json locksmith_keys 2>/dev/null",
        lint / "blanks", n_ruff_json, timeout=300,
        typed="ruff check --no-cache --isolated --select ALL --output-format json locksmith_keys 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    cap("curl-json-api-blank-cuttings-page1-json-tool",
        f"curl -s {base}/blank-cuttings/page1.json | python3 -m json.tool", tmp, n_json_api)
    chain("chain-curl-blank-cuttings-pages-exit", "chain-curl-exit", "json",
          [Part(f"curl -s {base}/blank-cuttings/page1.json", n_json_api),
           Part(f"curl -s {base}/blank-cuttings/page2.json", n_json_api, ";"),
           Part(f"curl -s {base}/blank-cuttings/page3.json", n_json_api, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("curl-json-api-ward-sales-json-tool", f"curl -s {base}/ward-sales.json | python3 -m json.tool",
        tmp, n_api_json)
    cap("curl-jq-c-key-rounds", f"curl -s {base}/key-rounds.json | {JQ_ROUNDS}", tmp, n_jq_compact)


# The documents and minified files, chosen among what the packages ship once installed (their sizes only).
CURL_MD = [("curl-md-collect-js-readme", "collect.js/README.md", ""),
           ("curl-md-liquidjs-readme", "liquidjs/README.md", ""),
           ("curl-md-bfj-readme", "bfj/README.md", ""),
           ("curl-md-z-schema-readme", "z-schema/README.md", ""),
           ("curl-md-json-2-csv-readme", "json-2-csv/README.md", ""),
           ("curl-md-tv4-readme", "tv4/README.md", ""),
           ("curl-md-random-js-readme", "random-js/README.md", ""),
           ("curl-md-bfj-history", "bfj/HISTORY.md", "")]
CURL_HTML: list = []  # as in rounds 668-710, no html-cat item
CAT_MIN = [("cat-min-collect-js", "collect.js/build/collect.min.js", ""),
           ("cat-min-yamljs", "yamljs/dist/yaml.min.js", ""),
           ("cat-min-js-sha256", "js-sha256/build/sha256.min.js", ""),
           ("cat-min-random-js", "random-js/dist/random-js.umd.min.js", ""),
           ("cat-min-dot-object", "dot-object/dist/dot-object.min.js", "")]
CURL_CHAIN = ("chain-curl-md-stream-json-readme-exit", "stream-json/README.md", "stream-json/CHANGELOG.md")


def docs(tmp: Path) -> None:
    """Round 635's docs step on this round's lists."""
    w635.CURL_MD, w635.CURL_HTML, w635.CAT_MIN, w635.CURL_CHAIN = CURL_MD, CURL_HTML, CAT_MIN, CURL_CHAIN
    w635.docs(tmp)


DOCS_MD = [("oc-webfetch-md-clarinet-readme", "clarinet/README.md"),
           ("oc-webfetch-md-is-my-json-valid-readme", "is-my-json-valid/README.md")]
DOCS_HTML: list = []
MINIFIED = {"read": ("oc-read-min-z-schema", "z-schema/umd/ZSchema.min.js"),
            "bash": ("bash-cat-min-liquidjs", "liquidjs/dist/liquid.browser.min.js")}
OC_BASH = [
    ("oc-bash-npm-ls-json-lockery", "n_npm_ls_json", "cd lockery && npm ls --json 2>/dev/null"),
    ("oc-bash-jq-versions-collect-js", "n_jq_lines", "npm view collect.js --json | jq '.versions'"),
    ("oc-bash-npm-view-json-2-csv", "n_npm_view", "npm view json-2-csv --json"),
    ("oc-bash-pip-show-canonicaljson-ruff", "n_pip_show", "pip show canonicaljson json-tricks ruff"),
]


def specs(root: Path, env: dict) -> list:
    """Round 635's OpenCode items on this round's lists, its chain and lockfile items made again on this round's app
    (as rounds 661-710 did)."""
    w635.DOCS_MD, w635.DOCS_HTML, w635.MINIFIED, w635.OC_BASH = DOCS_MD, DOCS_HTML, MINIFIED, OC_BASH
    S = w635.specs(root, env)
    chain_id = "oc-bash-chain-npm-ls-all-exit"
    mine = w469.C(chain_id, "chain-pkg-exit", "pkg",
                  [Part("cd lockery", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                   Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List lockery's dependency tree")
    lock = w469.Spec("oc-read-lock-lockery", "oc-read-lockfile", "json", "read",
                     {"filePath": f"{root}/lockery/package-lock.json"}, "json")
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
            f"cp -a {tmp}/lockery lockery && cp -r {tmp}/wardshed-ws wardshed-ws",
            "true", {"npm": str(JS / "node_modules")}, str(VENV), str(JS), specs, add, seed=SEED,
        )
    finally:
        oco.start_doc_server, oco.StubServer = orig


def steps() -> list:
    _imports()
    return [api_server, packages, api, docs, opencode]


def main() -> None:
    cm.capture_round(__doc__, install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide718", sys.modules["__main__"])
    main()
