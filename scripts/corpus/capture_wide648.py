"""Capture round 648 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 615, 628 and 635's pattern), with names from a basket works (basketworks, slewshed, fitchbook,
upsettgauge; rods slewed on the lapboards, baskets sold by the dozen, the basketmakers' rounds), seed 64817: npm
packages swup, colcade, billboard.js, nanobar, topbar, popmotion, smooth-scrollbar, locomotive-scroll, lenis,
split-type and keymaster installed here (package JSON from npm view / npm ls / package-lock.json of the basketworks app
with a missing dependency, an invalid range and an invalid peer put in, jq over them); a venv of romkan, pykakasi,
zhconv, jamo, hangul-romanize, korean-romanizer and ruff (pip inspect, pip show); a Cargo workspace (slewshed) for
cargo metadata and Cargo.lock; two local Go modules (fitchbook, and upsettgauge with a missing import) for go list
-json; a loopback JSON API fetched with curl, json.tool and jq -c; eslint -f json and ruff's JSON reporter on code with
faults put in; the installed packages' documentation fetched with curl from a loopback server, minified files cat'ed;
one headless OpenCode run (package commands, read, webfetch of installed documentation, minified JS).

No material is written anew and no earlier round's code is copied: round 635's module is IMPORTED (with round 628's,
615's, ... behind it); every module global it set is set again below to this round's seed, packages, scratch, ports
and members, and this round's word lists are round 635's with their right-hand sides renamed through one table
(glovery -> basket works). No new extractor: each kind's needles come from the extractor round 635 used for it,
imported through `capture_wide635._imports` (NEEDLES.md's "Round 648: no new rules"). Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide648.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide648.json  as {"version": 2, "items": [...]}, ids prefixed "wide648-".
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
import capture_wide615 as w615  # noqa: E402
import capture_wide628 as w628  # noqa: E402
import capture_wide635 as w635  # noqa: E402  (its module code runs first; everything it set is set again below)
from capture_wide273_go import renamed  # noqa: E402

ID_PREFIX = "wide648-"
DEFAULT_OUT = HERE / "data" / "wide648.json"
TMP = Path("/dev/shm/hm-corpus-wide648")
TOOLS = Path("/dev/shm/hm-corpus-wide648-tools")
PY_VERSIONS = {"romkan": "0.2.1", "pykakasi": "2.3.0", "zhconv": "1.4.3", "jamo": "0.4.1",
               "hangul-romanize": "0.1.0", "korean-romanizer": "0.28.0", "ruff": "0.17.6"}
NPM_VERSIONS = {"swup": "4.10.0", "colcade": "0.2.0", "billboard.js": "4.1.0", "nanobar": "0.4.2",
                "topbar": "3.0.1", "popmotion": "11.0.5", "smooth-scrollbar": "8.8.4",
                "locomotive-scroll": "5.0.1", "lenis": "1.3.27", "split-type": "0.3.4", "keymaster": "1.6.2",
                "eslint": "10.16.0"}
PY_PKGS = [f"{k}=={v}" for k, v in PY_VERSIONS.items()]
NPM_PKGS = list(NPM_VERSIONS)
APP_PKGS = NPM_PKGS[:-1]
INVALID_RANGE = "smooth-scrollbar"  # a range (^0.11.0) the installed 8.x does not satisfy
INVALID_PEER = "swup"               # the local plate's peer (^5.0.0) a major above the installed 4.x

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 64817
PORT_API, PORT_DOCS, PORT_STUB = 18648, 28648, 38648

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "billboard.js",
                     [f"{k}@{v}" for k, v in NPM_VERSIONS.items()])
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["fitchhook", "rodstockbook", "basketmaker", "stakebar", "lapboardwall", "slewshed"]

for _m in (w635, w628, w615, w603, w548, w524, w517, w506, w497, w469):
    _m.TMP, _m.TOOLS, _m.SEED = TMP, TOOLS, SEED
    _m.PORT_API, _m.PORT_DOCS, _m.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
    _m.MEMBERS = MEMBERS
    _m.add, _m.cap = add, cap
for _m in (w635, w628, w615, w603, w548, w524, w517, w506):
    _m.VENV, _m.JS = VENV, JS
w524.APP_PKGS = [p for p in APP_PKGS if p != INVALID_RANGE]
w524.LOCKS = ["soaking-pit", "slewing-room", "upsetting-room", "drying-loft", "bleaching-shed", "packing-room"]
w524.LENGTHSMEN = ["Mercy Withamsby", "Ezra Fitcher", "Dorcas Slewell", "Gideon Rodway", "Keziah Upsettle",
                   "Silas Lapthorne"]
w9b.TMP = TMP
w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB

# Round 635's word lists, their right-hand sides (the glovery's words) renamed to the basket works', in this order.
BASKET = (
    ('"keen-slider": "^0.11.0"', f'"{INVALID_RANGE}": "^0.11.0"'),
    ('"tributejs": "^6.0.0"', f'"{INVALID_PEER}": "^5.0.0"'),
    ("seam split at the bench: gloves torn, sale refunded",
     "rod split at the lapboard: baskets crushed, sale refunded"),
    ("Glovery: tranks cut on the benches, gloves sold by the pair, the trankers' rounds",
     "Basket works: rods slewed on the lapboards, baskets sold by the dozen, the basketmakers' rounds"),
    ("Bench name plates and the trankers' chalked boards",
     "Lapboard name plates and the basketmakers' chalked boards"),
    ("Benches, their shears and the kidskin heaps they hold",
     "Lapboards, their rapping irons and the rodstock heaps they hold"),
    ("Glove sales, hawkers and the prices by the pair", "Basket sales, hawkers and the prices by the dozen"),
    ("Cuffs, their bars and the drying log", "Stakes, their bars and the soaking log"),
    ("The bench wall, its gates and the chalk marks", "The lapboard wall, its gates and the chalk marks"),
    ("Glovery: benches, hawkers and trankers", "Basket works: lapboards, hawkers and basketmakers"),
    ("tranks cut on the benches", "rods slewed on the lapboards"),
    ("gloves sold by the pair", "baskets sold by the dozen"),
    ("kidskin laid on the benches", "rodstock laid on the lapboards"),
    ("glovery-bench-cuttings", "basketworks-lapboard-slewings"), ("bench-cuttings", "lapboard-slewings"),
    ("BenchCuttingError", "LapboardSlewingError"), ("cuff bar", "stake bar"), ("cutting ledger", "slewing ledger"),
    ("cut_at", "slewed_at"), ('"GL-', '"BW-'), ("kidskinbench", "stakebench"), ("kidskin", "rodstock"),
    ("doeskin", "blackmaul"), ("glove pair", "basket pair"), ("cabretta", "dickymeadow"), ("workroom", "rodyard"),
    ("trank-rounds", "fitch-rounds"), ('"gusset"', '"upsett"'), ("glove-sales", "basket-sales"),
    ("(cutting S-", "(slewing S-"), ("node glovery.js", "node basketworks.js"),
    ("glovery", "basketworks"), ("gussetshed", "slewshed"), ("trankplate", "upsettplate"),
    ("fourchettekit", "fitchkit"), ("glove_tranks", "basket_fitches"), ("trankbook", "fitchbook"),
    ("gussetgauge", "upsettgauge"), ("hemkit", "slathkit"), ("hemboard", "slathboard"), ("thumbbook", "slewbook"),
    ("cuffbar", "stakebar"), ("benchwall", "lapboardwall"), ("trankhook", "fitchhook"), ("pointbook", "rodstockbook"),
    ("Tranker", "Basketmaker"), ("trankers", "basketmakers"), ("tranker", "basketmaker"), ("Hemcord", "Slathcord"),
    ("Glovery", "Basket works"), ("Gloves", "Baskets"), ("Glove", "Basket"), ("gloves", "baskets"),
    ("glove", "basket"), ("Benches", "Lapboards"), ("benches", "lapboards"), ("Bench", "Lapboard"),
    ("bench", "lapboard"), ("cutting", "slewing"), ("Cut", "Slew"), ("cut", "slew"), ("shears", "rapping irons"),
    ("Shear", "Iron"), ("Cuffs", "Stakes"), ("Cuff", "Stake"), ("cuff", "stake"), ("Gusset", "Upsett"),
    ("gusset", "upsett"), ("by the pair", "by the dozen"), ("tranks", "rods"), ("Trank", "Fitch"), ("trank", "fitch"),
)
LEFTOVER = ("glove", "trank", "gusset", "kidskin", "bench", "cuff", "fourchette", "doeskin", "cabretta")


def _basket(pairs: tuple) -> tuple:
    return tuple((old, renamed(new, BASKET)) for old, new in pairs)


NAMES, PHRASES, WORDS = _basket(w635.NAMES), _basket(w635.PHRASES), _basket(w635.WORDS)
GENERATED = PHRASES + NAMES + WORDS
_left = [new for _, new in GENERATED if any(w in new.lower() for w in LEFTOVER)]
assert not _left, f"glovery words left after the renaming: {_left[:8]}"
for _m in (w548, w603, w615, w628, w635):
    _m.NAMES, _m.PHRASES, _m.WORDS, _m.GENERATED = NAMES, PHRASES, WORDS, GENERATED
    _m.INVALID_RANGE, _m.INVALID_PEER, _m.APP_PKGS = INVALID_RANGE, INVALID_PEER, APP_PKGS


def _imports():
    """Round 635's imports (628's, 615's, ...: the JSON kinds' extractors and the documents')."""
    w635._imports()
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json",
                 "n_cargo_lock", "n_html", "n_min_js", "n_markdown"):
        g[name] = getattr(w635, name)


GO_ENV = {"GOPROXY": "off", "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local", "GO111MODULE": "on",
          "GOCACHE": str(TMP / "go-cache"), "GOPATH": str(TMP / "go-path")}
JQ_ROUNDS = renamed(w635.JQ_ROUNDS, BASKET)
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}
w615.GO_ENV = w628.GO_ENV = w635.GO_ENV = GO_ENV


# ---------------------------------------------------------------- steps

def api_server(tmp: Path) -> None:
    w548.api_server(tmp)


def packages(tmp: Path) -> None:
    app = w548.build_app(tmp).rename(tmp / "basketworks")
    ws = w548.build_workspace(tmp).rename(tmp / "slewshed-ws")
    (app / "node_modules" / "berthplate").rename(app / "node_modules" / "upsettplate")
    cap("npm-view-billboard-json", "npm view billboard.js --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-locomotive-scroll-exit", "chain-pkg-exit", "pkg",
          [Part("npm view locomotive-scroll --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("jq-arrays-npm-view-several",
        "for p in swup colcade nanobar topbar popmotion lenis split-type keymaster; do "
        "npm view $p --json | jq '[.name, .version, .description, .license, .homepage, .\"dist-tags\".latest, "
        ".dist.tarball, .dist.integrity, .maintainers[]?]'; done", tmp, n_jq_lines, timeout=300)
    cap("cat-package-lock-basketworks", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-basketworks", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-json-basketworks", "jq '{name, version, description, dependencies, devDependencies}' package.json",
        app, n_json_file)
    chain("chain-npm-ls-json-basketworks-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-basketworks", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    chain("chain-cd-npm-ls-all-basketworks-exit", "chain-pkg-exit", "pkg",
          [Part("cd basketworks", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-basket-venv-head", f"{PIP} inspect 2>/dev/null | head -n 500", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null | head -n 500")
    cap("pip-show-files-romkan-zhconv-jamo",
        f"{PIP} show -f romkan zhconv jamo hangul-romanize korean-romanizer", tmp,
        n_pip_show, timeout=300, env=PIP_ENV, typed="pip show -f romkan zhconv jamo hangul-romanize korean-romanizer")
    cap("pip-show-files-pykakasi-jaconv", f"{PIP} show -f pykakasi jaconv deprecated wrapt", tmp, n_pip_show,
        timeout=300, env=PIP_ENV, typed="pip show -f pykakasi jaconv deprecated wrapt")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-slewshed", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    cap("cat-cargo-lock-slewshed", "cat Cargo.lock", ws, n_cargo_lock)
    fitchbook, upsettgauge = w548.build_go(tmp)
    fitchbook, upsettgauge = fitchbook.rename(tmp / "fitchbook"), upsettgauge.rename(tmp / "upsettgauge")
    genv = dict(GO_ENV)
    cap("go-list-json-fitchbook", "go list -json ./...", fitchbook, n_go_list_json, env=genv, timeout=300)
    chain("chain-go-list-e-json-upsettgauge-exit", "chain-pkg-exit", "pkg",
          [Part("cd upsettgauge", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "stakebench", {renamed(k, GENERATED): renamed(v, GENERATED)
                                        for k, v in w524.COTTAGEHUT_JS.items()})
    cm.write_tree(lint / "lapboards", {renamed(k, GENERATED): renamed(v, GENERATED)
                                       for k, v in w524.LOCK_BEAMS_PY.items()})
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-stakebench", f"{eslint} -f json . 2>&1", lint / "stakebench", n_eslint_json, timeout=300,
        typed="npx eslint -f json . 2>&1")
    cap("ruff-json-basket-fitches",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json basket_fitches 2>/dev/null",
        lint / "lapboards", n_ruff_json, timeout=300,
        typed="ruff check --no-cache --isolated --select ALL --output-format json basket_fitches 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    cap("curl-json-api-lapboard-slewings-page2-json-tool",
        f"curl -s {base}/lapboard-slewings/page2.json | python3 -m json.tool", tmp, n_json_api)
    chain("chain-curl-lapboard-slewings-pages-exit", "chain-curl-exit", "json",
          [Part(f"curl -s {base}/lapboard-slewings/page1.json", n_json_api),
           Part(f"curl -s {base}/lapboard-slewings/page2.json", n_json_api, ";"),
           Part(f"curl -s {base}/lapboard-slewings/page3.json", n_json_api, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("curl-json-api-basket-sales-json-tool", f"curl -s {base}/basket-sales.json | python3 -m json.tool",
        tmp, n_api_json)
    cap("curl-jq-c-fitch-rounds", f"curl -s {base}/fitch-rounds.json | {JQ_ROUNDS}", tmp, n_jq_compact)


# The documents and minified files, chosen among what the packages ship once installed (filled in after install).
CURL_MD = [("curl-md-billboard-readme", "billboard.js/README.md", ""),
           ("curl-md-lenis-readme", "lenis/README.md", ""),
           ("curl-md-popmotion-changelog", "popmotion/CHANGELOG.md", ""),
           ("curl-md-split-type-readme", "split-type/README.md", ""),
           ("curl-md-smooth-scrollbar-changelog", "smooth-scrollbar/CHANGELOG.md", "")]
CURL_HTML = [("curl-html-keymaster-test", "keymaster/test/keymaster.html", ""),
             ("curl-html-colcade-load-more", "colcade/sandbox/load-more-images.html", ""),
             ("curl-html-nanobar-demos", "nanobar/demos/demos.html", "")]
CAT_MIN = [("cat-min-popmotion", "popmotion/dist/popmotion.min.js", ""),
           ("cat-min-locomotive-scroll", "locomotive-scroll/bundled/locomotive-scroll.min.js", ""),
           ("cat-min-billboard-stanford", "billboard.js/dist/plugin/billboardjs-plugin-stanford.min.js", ""),
           ("cat-min-billboard-head", "billboard.js/dist/billboard.min.js", " | head -c 100000")]
CURL_CHAIN = ("chain-curl-md-nanobar-readme-exit", "nanobar/README.md", "nanobar/CHANGELOG.md")


def docs(tmp: Path) -> None:
    """Round 635's docs step on this round's lists."""
    w635.CURL_MD, w635.CURL_HTML, w635.CAT_MIN, w635.CURL_CHAIN = CURL_MD, CURL_HTML, CAT_MIN, CURL_CHAIN
    w635.docs(tmp)


DOCS_MD = [("oc-webfetch-md-swup-readme", "swup/README.md"),
           ("oc-webfetch-md-colcade-readme", "colcade/README.md"),
           ("oc-webfetch-md-smooth-scrollbar-readme", "smooth-scrollbar/README.md")]
DOCS_HTML = [("oc-webfetch-html-colcade-adding-items", "colcade/sandbox/adding-items.html")]
MINIFIED = {"read": ("oc-read-min-topbar", "topbar/topbar.min.js"),
            "bash": ("bash-cat-min-billboard-pkgd", "billboard.js/dist/billboard.pkgd.min.js")}
OC_BASH = [
    ("oc-bash-npm-ls-json-basketworks", "n_npm_ls_json", "cd basketworks && npm ls --json 2>/dev/null"),
    ("oc-bash-jq-versions-swup", "n_jq_lines", "npm view swup --json | jq '.versions'"),
    ("oc-bash-npm-view-popmotion", "n_npm_view", "npm view popmotion --json"),
    ("oc-bash-pip-show-romkan-pykakasi", "n_pip_show",
     "pip show romkan pykakasi zhconv jamo hangul-romanize korean-romanizer jaconv opencc"),
]


def specs(root: Path, env: dict) -> list:
    """Round 635's OpenCode items on this round's lists (its chain's directory and its lockfile's path are round
    635's app's: both items made again on this round's app)."""
    w635.DOCS_MD, w635.DOCS_HTML, w635.MINIFIED, w635.OC_BASH = DOCS_MD, DOCS_HTML, MINIFIED, OC_BASH
    S = w635.specs(root, env)
    chain_id = "oc-bash-chain-npm-ls-all-exit"
    mine = w469.C(chain_id, "chain-pkg-exit", "pkg",
                  [Part("cd basketworks", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                   Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List basketworks' dependency tree")
    lock = w469.Spec("oc-read-lock-basketworks", "oc-read-lockfile", "json", "read",
                     {"filePath": f"{root}/basketworks/package-lock.json"}, "json")
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
            f"cp -a {tmp}/basketworks basketworks && cp -r {tmp}/slewshed-ws slewshed-ws",
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
    sys.modules.setdefault("capture_wide648", sys.modules["__main__"])
    main()
