"""Capture round 726 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 668 and 710's pattern), with names from an apothecary's shop (apothecary, salveshed, phialbook,
drachmgauge; tinctures steeped in the jars, salves sold by the pair, the apothecaries' rounds), seed 72619: npm
packages xss, xstream, highland, json-merge-patch, ajv-formats, xmlbuilder2, js2xmlparser, lossless-json, dotty,
traverse, js-sha256, bs58, msgpack-lite and avsc installed here (package JSON from npm view / npm ls /
package-lock.json of the apothecary app with a missing dependency, an invalid range and an invalid peer put in, jq over
them); a venv of canonicaljson, json-delta and ruff (pip inspect, pip show); a Cargo workspace (salveshed) for cargo
metadata and Cargo.lock; two local Go modules (phialbook, and drachmgauge with a missing import) for go list -json; a
loopback JSON API fetched with curl, json.tool and jq -c; eslint -f json and ruff's JSON reporter on code with faults
put in; the installed packages' documentation fetched with curl from a loopback server, minified files cat'ed; one
headless OpenCode run (package commands, read, webfetch of installed documentation, minified JS).

No material is written anew and no earlier round's code is copied: round 710's module is IMPORTED (with round 702's,
694's, ... behind it); every module global it set is set again below to this round's seed, packages, scratch, ports
and members, and this round's word lists are round 710's with their right-hand sides renamed through one table
(perfumery -> apothecary). No new extractor: each kind's needles come from the extractor round 710 used for it,
imported through `capture_wide710._imports` (NEEDLES.md's "Round 726: no new rules"). Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide726.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide726.json  as {"version": 2, "items": [...]}, ids prefixed "wide726-".
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

ID_PREFIX = "wide726-"
DEFAULT_OUT = HERE / "data" / "wide726.json"
TMP = Path("/dev/shm/hm-corpus-wide726")
TOOLS = Path("/dev/shm/hm-corpus-wide726-tools")
PY_VERSIONS = {"canonicaljson": "2.0.0", "json-delta": "2.0.2", "ruff": "0.17.6"}
NPM_VERSIONS = {"xss": "1.0.17", "xstream": "11.14.0", "highland": "2.13.5", "json-merge-patch": "1.0.2",
                "ajv-formats": "3.0.1", "xmlbuilder2": "4.0.3", "js2xmlparser": "5.0.0", "lossless-json": "4.3.3",
                "dotty": "0.1.2", "traverse": "0.6.11", "js-sha256": "1.0.0", "bs58": "6.0.0",
                "msgpack-lite": "0.2.2", "avsc": "5.7.9", "eslint": "10.16.0"}
PY_PKGS = [f"{k}=={v}" for k, v in PY_VERSIONS.items()]
NPM_PKGS = list(NPM_VERSIONS)
APP_PKGS = NPM_PKGS[:-1]
INVALID_RANGE = "highland"      # a range (^0.11.0) the installed 2.x does not satisfy
INVALID_PEER = "xss"            # the local plate's peer (^5.0.0) above the installed 1.x

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 72619
PORT_API, PORT_DOCS, PORT_STUB = 18726, 28726, 38726

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "avsc",
                     [f"{k}@{v}" for k, v in NPM_VERSIONS.items()])
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["phialhook", "drachmbook", "druggist", "salvebar", "phialwall", "salveshed"]
MODS = (w710,) + w710.MODS

for _m in MODS:
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
for _m in MODS[:-3]:
    _m.VENV, _m.JS = VENV, JS
w524.APP_PKGS = [p for p in APP_PKGS if p != INVALID_RANGE]
w524.LOCKS = ["poultice-room", "tincture-bench", "phial-shop", "drachm-loft", "salve-store", "jar-yard"]
w524.LENGTHSMEN = ["Keziah Tincturewell", "Ezra Phialridge", "Dorcas Drachmby", "Amos Jarson",
                   "Hepzibah Salveley", "Jedediah Poulticeworth"]
w9b.TMP = TMP
w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB

# Round 710's word lists, their right-hand sides (the perfumer's words) renamed to the apothecary's, in this order
# (longer words before the words they contain).
APOTHECARY = (
    (f'"{w710.INVALID_RANGE}": "^0.11.0"', f'"{INVALID_RANGE}": "^0.11.0"'),
    (f'"{w710.INVALID_PEER}": "^5.0.0"', f'"{INVALID_PEER}": "^5.0.0"'),
    ("attar soured in the still: flacons scrapped, sale refunded",
     "tincture clouded in the jar: salves scrapped, sale refunded"),
    ("attars distilled in the stills", "tinctures steeped in the jars"),
    ("attar laid in the stills", "tincture laid in the jars"),
    ("flaconshed", "salveshed"), ("flaconboard", "salveboard"), ("flaconbar", "salvebar"),
    ("Flaconcord", "Salvecord"), ("flacon", "salve"), ("Flacon", "Salve"),
    ("vialstill", "phialjar"), ("vialplate", "phialplate"), ("vialbook", "phialbook"), ("vialwall", "phialwall"),
    ("vialhook", "phialhook"), ("vialwheel", "phialwheel"), ("vial", "phial"), ("Vial", "Phial"),
    ("civetgauge", "drachmgauge"), ("civetkit", "drachmkit"), ("civetbook", "drachmbook"),
    ("civetblock", "drachmblock"), ("civet", "drachm"), ("Civet", "Drachm"),
    ("nerolibook", "poulticebook"), ("neroli", "poultice"), ("Neroli", "Poultice"),
    ("perfumer_attars", "apothecary_tinctures"), ("Perfumery", "Apothecary"), ("perfumery", "apothecary"),
    ("Perfumers", "Druggists"), ("perfumers", "druggists"), ("Perfumer", "Druggist"), ("perfumer", "druggist"),
    ("attarkit", "tincturekit"), ('"PF-', '"AP-'),
    ("Attarboxes", "Tinctureboxes"), ("attarboxes", "tinctureboxes"), ("Attarbox", "Tincturebox"),
    ("attarbox", "tincturebox"),
    ("Attars", "Tinctures"), ("attars", "tinctures"), ("Attar", "Tincture"), ("attar", "tincture"),
    ("Distilling", "Steeping"), ("distilling", "steeping"), ("distilled", "steeped"), ("Distil", "Steep"),
    ("distil", "steep"),
    ("Stills", "Jars"), ("stills", "jars"), ("Still", "Jar"), ("still", "jar"),
)
LEFTOVER = ("perfum", "attar", "flacon", "vial", "civet", "neroli", "distil")


def _apothecary(pairs: tuple) -> tuple:
    return tuple((old, renamed(new, APOTHECARY)) for old, new in pairs)


NAMES, PHRASES, WORDS = _apothecary(w710.NAMES), _apothecary(w710.PHRASES), _apothecary(w710.WORDS)
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
    GO_ENV[_k] = GO_ENV[_k].replace("wide710", "wide726")
JQ_ROUNDS = renamed(w710.JQ_ROUNDS, APOTHECARY)
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}


# ---------------------------------------------------------------- steps (round 710's, on this round's packages)

def api_server(tmp: Path) -> None:
    w548.api_server(tmp)


def packages(tmp: Path) -> None:
    app = w548.build_app(tmp).rename(tmp / "apothecary")
    ws = w548.build_workspace(tmp).rename(tmp / "salveshed-ws")
    (app / "node_modules" / "berthplate").rename(app / "node_modules" / "phialplate")
    cap("npm-view-json-avsc-json", "npm view avsc --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-highland-exit", "chain-pkg-exit", "pkg",
          [Part("npm view highland --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in xstream json-merge-patch ajv-formats js2xmlparser lossless-json dotty traverse js-sha256; do "
        "npm view $p --json | jq '[.name, .version, .description, .license, .homepage, .\"dist-tags\".latest, "
        ".dist.tarball, .dist.integrity, .maintainers[]?]'; done", tmp, n_jq_lines, timeout=300)
    cap("cat-package-lock-apothecary", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-apothecary", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-apothecary", "jq '{name, version, description, dependencies, devDependencies}' package.json",
        app, n_json_file)
    chain("chain-npm-ls-json-apothecary-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-apothecary", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-all-apothecary-exit", "chain-pkg-exit", "pkg",
          [Part("cd apothecary", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-druggist-venv", f"{PIP} inspect 2>/dev/null", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null")
    cap("pip-show-files-canonicaljson-json-delta", f"{PIP} show -f canonicaljson json-delta", tmp, n_pip_show,
        timeout=300, env=PIP_ENV, typed="pip show -f canonicaljson json-delta")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-salveshed", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    cap("cat-cargo-lock-salveshed", "cat Cargo.lock", ws, n_cargo_lock)
    phialbook, gauge = w548.build_go(tmp)
    phialbook, gauge = phialbook.rename(tmp / "phialbook"), gauge.rename(tmp / "drachmgauge")
    genv = dict(GO_ENV)
    cap("go-list-json-phialbook", "go list -json ./...", phialbook, n_go_list_json, env=genv, timeout=300)
    cap("go-list-json-deps-phialbook", "go list -json -deps ./...", phialbook, n_go_list_json, env=genv,
        timeout=300)
    chain("chain-go-list-e-json-drachmgauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd drachmgauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "drachmblock", {renamed(k, GENERATED): renamed(v, GENERATED)
                                         for k, v in w524.COTTAGEHUT_JS.items()})
    cm.write_tree(lint / "jars", {renamed(k, GENERATED): renamed(v, GENERATED)
                                  for k, v in w524.LOCK_BEAMS_PY.items()})
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-drachmblock", f"{eslint} -f json . 2>&1", lint / "drachmblock", n_eslint_json,
        timeout=300, typed="npx eslint -f json . 2>&1")
    cap("ruff-json-apothecary-tinctures",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json apothecary_tinctures "
        "2>/dev/null", lint / "jars", n_ruff_json, timeout=300,
        typed="ruff check --no-cache --isolated --select ALL --output-format json apothecary_tinctures 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    cap("curl-json-api-jar-steepings-page1-json-tool",
        f"curl -s {base}/jar-steepings/page1.json | python3 -m json.tool", tmp, n_json_api)
    chain("chain-curl-jar-steepings-pages-exit", "chain-curl-exit", "json",
          [Part(f"curl -s {base}/jar-steepings/page1.json", n_json_api),
           Part(f"curl -s {base}/jar-steepings/page2.json", n_json_api, ";"),
           Part(f"curl -s {base}/jar-steepings/page3.json", n_json_api, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("curl-json-api-salve-sales-json-tool", f"curl -s {base}/salve-sales.json | python3 -m json.tool",
        tmp, n_api_json)
    cap("curl-jq-c-tincture-rounds", f"curl -s {base}/tincture-rounds.json | {JQ_ROUNDS}", tmp, n_jq_compact)


# The documents and minified files, chosen among what the packages (and their dependencies) ship once installed.
CURL_MD = [("curl-md-xss-readme", "xss/README.md", ""),
           ("curl-md-xstream-readme", "xstream/README.md", ""),
           ("curl-md-xstream-changelog", "xstream/CHANGELOG.md", ""),
           ("curl-md-lossless-json-readme", "lossless-json/README.md", ""),
           ("curl-md-traverse-changelog", "traverse/CHANGELOG.md", ""),
           ("curl-md-msgpack-lite-readme", "msgpack-lite/README.md", ""),
           ("curl-md-highland-changelog", "highland/CHANGELOG.md", ""),
           ("curl-md-ajv-formats-readme", "ajv-formats/README.md", "")]
CURL_HTML: list = []  # as in rounds 668-710, no html-cat item
CAT_MIN = [("cat-min-xss", "xss/dist/xss.min.js", ""),
           ("cat-min-xstream", "xstream/dist/xstream.min.js", ""),
           ("cat-min-highland", "highland/dist/highland.min.js", ""),
           ("cat-min-int64-buffer", "int64-buffer/dist/int64-buffer.min.js", ""),  # msgpack-lite's dependency
           ("cat-min-event-lite", "event-lite/dist/event-lite.min.js", "")]  # msgpack-lite's dependency
CURL_CHAIN = ("chain-curl-md-js2xmlparser-readme-exit", "js2xmlparser/README.md", "js2xmlparser/CHANGELOG.md")


def docs(tmp: Path) -> None:
    """Round 635's docs step on this round's lists."""
    w635.CURL_MD, w635.CURL_HTML, w635.CAT_MIN, w635.CURL_CHAIN = CURL_MD, CURL_HTML, CAT_MIN, CURL_CHAIN
    w635.docs(tmp)


DOCS_MD = [("oc-webfetch-md-avsc-readme", "avsc/README.md"),
           ("oc-webfetch-md-js-sha256-readme", "js-sha256/README.md")]
DOCS_HTML: list = []
MINIFIED = {"read": ("oc-read-min-js-sha256", "js-sha256/build/sha256.min.js"),
            "bash": ("bash-cat-min-msgpack-lite", "msgpack-lite/dist/msgpack.min.js")}
OC_BASH = [
    ("oc-bash-npm-ls-json-apothecary", "n_npm_ls_json", "cd apothecary && npm ls --json 2>/dev/null"),
    ("oc-bash-jq-versions-xstream", "n_jq_lines", "npm view xstream --json | jq '.versions'"),
    ("oc-bash-npm-view-xmlbuilder2", "n_npm_view", "npm view xmlbuilder2 --json"),
    ("oc-bash-pip-show-canonicaljson-ruff", "n_pip_show", "pip show canonicaljson json-delta ruff"),
]


def specs(root: Path, env: dict) -> list:
    """Round 635's OpenCode items on this round's lists, its chain and lockfile items made again on this round's app
    (as rounds 661-710 did)."""
    w635.DOCS_MD, w635.DOCS_HTML, w635.MINIFIED, w635.OC_BASH = DOCS_MD, DOCS_HTML, MINIFIED, OC_BASH
    S = w635.specs(root, env)
    chain_id = "oc-bash-chain-npm-ls-all-exit"
    mine = w469.C(chain_id, "chain-pkg-exit", "pkg",
                  [Part("cd apothecary", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                   Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List apothecary's dependency tree")
    lock = w469.Spec("oc-read-lock-apothecary", "oc-read-lockfile", "json", "read",
                     {"filePath": f"{root}/apothecary/package-lock.json"}, "json")
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
            f"cp -a {tmp}/apothecary apothecary && cp -r {tmp}/salveshed-ws salveshed-ws",
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
    sys.modules.setdefault("capture_wide726", sys.modules["__main__"])
    main()
