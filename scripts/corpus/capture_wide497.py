"""Capture round 497 of the compression corpus (issue #11's JSON, package and document kinds, pretty and one-line,
after rounds 469 and 483's pattern), with names from a rope ferry's toll house (tollworks, tollhouse, tollgate,
ferryside; tolls, tickets, wardens, ferrymen), seed 49710: npm packages glightbox, hotkeys-js, kute.js, litepicker,
lozad, micromodal, mousetrap, masonry-layout, lil-gui and gauge.js installed here (package JSON from npm view / npm ls
/ package-lock.json of the tollworks app with a missing dependency, an invalid range and an invalid peer put in, jq
over them); a venv of hiredis, google-crc32c, gmpy2, marisa-trie, httptools and ruff (pip inspect, pip show); a Cargo
workspace (tollhouse) for cargo metadata and Cargo.lock; two local Go modules (tollgate, and ferryside with a missing
import) for go list -json; a loopback JSON API (toll tickets in pages with timestamps, crossing fares, warden rope
inspections) fetched with curl, json.tool and jq -c; eslint -f json and ruff's JSON reporter on code written here with
faults put in; one headless OpenCode run (package commands, read, webfetch of installed documentation, minified JS).

No new extractor: each kind's needles come from the extractor rounds 469 and 483 used for it, imported through
`capture_wide469._imports` (NEEDLES.md's "Round 497: no new rules"); a chain's from each part's own (round 9b).
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide497.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide497.json  as {"version": 2, "items": [...]}, ids prefixed "wide497-".
"""

from __future__ import annotations

import functools
import json
import os
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402
import capture_wide383 as w383  # noqa: E402
import capture_wide469 as w469  # noqa: E402

ID_PREFIX = "wide497-"
DEFAULT_OUT = HERE / "data" / "wide497.json"
TMP = Path("/dev/shm/hm-corpus-wide497")
TOOLS = Path("/dev/shm/hm-corpus-wide497-tools")
PY_PKGS = ["hiredis", "google-crc32c", "gmpy2", "marisa-trie", "httptools", "ruff"]
NPM_PKGS = ["glightbox", "hotkeys-js", "kute.js", "litepicker", "lozad", "micromodal", "mousetrap", "masonry-layout",
            "lil-gui", "gauge.js", "eslint"]
APP_PKGS = NPM_PKGS[:-1]

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 49710
PORT_API, PORT_DOCS, PORT_STUB = 18497, 28497, 38497

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "none-*", [], "glightbox", NPM_PKGS)
VENV, JS = TOOLSET.venv, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

MEMBERS = ["toll", "ticket", "warden", "landing", "chainwheel", "tollhouse"]

# round 469's module, pointed at this round's scratch, ports and members (as round 483 does)
w469.TMP, w469.TOOLS, w469.SEED = TMP, TOOLS, SEED
w469.PORT_API, w469.PORT_DOCS, w469.PORT_STUB = PORT_API, PORT_DOCS, PORT_STUB
w469.MEMBERS = MEMBERS
w469.add, w469.cap = add, cap
w9b.TMP = TMP


def _imports():
    """Round 469's imports (round 383's, plus the JSON kinds' extractors), brought into this module."""
    w469._imports()
    w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB
    w9b.TMP = TMP
    g = globals()
    for name in ("Part", "chain", "n_status_echo", "n_npm_view", "n_lock", "n_npm_ls", "n_pip_json", "n_cargo_meta",
                 "n_npm_ls_json", "n_pip_inspect", "n_jq", "n_pip_show", "n_jq_compact", "n_jq_lines",
                 "n_eslint_json", "n_ruff_json", "n_api_json", "n_json_api", "n_json_file", "n_go_list_json"):
        g[name] = getattr(w469, name)
    from capture_wide11 import toml_lock
    g["n_cargo_lock"] = toml_lock("cargo-lock", MEMBERS)


# ---------------------------------------------------------------- material

def tollworks(tmp: Path) -> Path:
    """The app: the ten installed packages, plus `ticketkit` (missing), a `litepicker` range the installed 2.x does
    not satisfy (invalid) and `wardenplate`, a local package whose peerDependency on hotkeys-js 3 the installed 4 does
    not satisfy (invalid peer); its lock is the installed tree's, renamed."""
    root = tmp / "tollworks"
    root.mkdir(parents=True, exist_ok=True)
    nm = root / "node_modules"
    if not nm.exists():
        cm.run(f"cp -a {JS / 'node_modules'} {nm}")
    cm.write_tree(nm / "wardenplate", {
        "package.json": json.dumps({"name": "wardenplate", "version": "1.7.2", "main": "index.js",
                                    "description": "Brass plates for the ferry wardens' toll board",
                                    "peerDependencies": {"hotkeys-js": "^3.10.0"}}, indent=2) + "\n",
        "index.js": "module.exports = { plate: (fare) => ({ fare }) };\n"})
    pkg = json.loads((JS / "package.json").read_text())
    deps = {k: v for k, v in pkg["dependencies"].items() if k in APP_PKGS}
    deps["litepicker"] = "^1.5.0"
    deps["ticketkit"] = "^0.4.2"
    deps["wardenplate"] = "^1.7.0"
    dev = {"eslint": pkg["dependencies"]["eslint"]}
    (root / "package.json").write_text(json.dumps({
        "name": "tollworks", "version": "3.2.1", "private": True,
        "description": "Rope ferry toll house: tolls, tickets, wardens and the crossing ledger",
        "scripts": {"start": "node tollhouse.js"}, "dependencies": dict(sorted(deps.items())),
        "devDependencies": dev}, indent=2) + "\n")
    lock = json.loads((JS / "package-lock.json").read_text())
    lock["name"], lock["version"] = "tollworks", "3.2.1"
    lock["packages"][""].update({"name": "tollworks", "version": "3.2.1",
                                 "dependencies": dict(sorted(deps.items())), "devDependencies": dev})
    lock["packages"]["node_modules/wardenplate"] = {"version": "1.7.2", "license": "MIT",
                                                     "peerDependencies": {"hotkeys-js": "^3.10.0"}}
    lock["packages"] = dict(sorted(lock["packages"].items()))
    (root / "package-lock.json").write_text(json.dumps(lock, indent=2) + "\n")
    return root


CARGO_WS = "[workspace]\nmembers = [" + ", ".join(f'"{m}"' for m in MEMBERS) + ']\nresolver = "2"\n'


def tollhouse(tmp: Path) -> Path:
    root = tmp / "tollhouse-ws"
    files = {"Cargo.toml": CARGO_WS}
    files.update(w383.crate("toll", "Tolls by the head, the cart and the beast", {}))
    files.update(w383.crate("ticket", "Paper tickets punched at the landing stage", {"toll": ""}))
    files.update(w383.crate("warden", "Wardens' rota and the rope's inspections", {}))
    files.update(w383.crate("landing", "The two landing stages and their chains", {"warden": ""}))
    files.update(w383.crate("chainwheel", "The chain wheel that hauls the ferry across", {"landing": ""}))
    files.update(w383.crate("tollhouse", "Rope ferry toll house: tolls, tickets and wardens",
                            {"toll": "", "ticket": "", "warden": "", "landing": "", "chainwheel": ""}, "bin"))
    cm.write_tree(root, files)
    cm.run("cargo generate-lockfile --offline", cwd=root, env={"CARGO_TERM_COLOR": "never"})
    return root


def go_modules(tmp: Path) -> tuple[Path, Path]:
    """tollgate: a clean module; ferryside: the same layout with a missing package of its own (manifest) and a package
    importing a module nothing provides."""
    out = []
    for mod, broken in (("tollgate", False), ("ferryside", True)):
        root = tmp / mod
        files = {"go.mod": f"module example.com/{mod}\n\ngo 1.19\n",
                 "toll/toll.go": w469._go_pkg("toll", "tolls by the head and the cart", ["time"],
                                              ["Fare", "Waive", "Tally"]),
                 "toll/toll_test.go": "package toll\n\nimport \"testing\"\n\nfunc TestFare(t *testing.T) {\n"
                                      "\tif Fare() != 5 {\n\t\tt.Fatal(\"fare\")\n\t}\n}\n",
                 "ticket/ticket.go": w469._go_pkg("ticket", "tickets punched at the landing",
                                                  ["strconv", f"example.com/{mod}/toll"], ["Punch", "Void", "Stub"]),
                 "warden/warden.go": w469._go_pkg("warden", "wardens and their rota",
                                                  [f"example.com/{mod}/toll"] + (
                                                      [f"example.com/{mod}/manifest"] if broken else []),
                                                  ["Rota", "Inspect", "Relieve"]),
                 "cmd/" + mod + "/main.go": "package main\n\nimport (\n\t\"fmt\"\n\n"
                                             f"\t\"example.com/{mod}/ticket\"\n\t\"example.com/{mod}/warden\"\n)\n\n"
                                             "func main() { fmt.Println(ticket.Punch(), warden.Rota()) }\n"}
        if broken:
            files["chain/chain.go"] = w469._go_pkg("chain", "the ferry's hauling chain",
                                                   ["github.com/ropeferry/tidekit"], ["Haul"])
        for k, v in list(files.items()):
            if k.endswith(".go") and "example.com/" in v and not k.startswith("cmd/"):
                v = v.replace(f'\t"example.com/{mod}/toll"\n', f'\t_ "example.com/{mod}/toll"\n')
                v = v.replace(f'\t"example.com/{mod}/manifest"\n', f'\t_ "example.com/{mod}/manifest"\n')
                files[k] = v
            if k.endswith("chain.go"):
                files[k] = v.replace('\t"github.com/ropeferry/tidekit"\n', '\t_ "github.com/ropeferry/tidekit"\n')
        cm.write_tree(root, files)
        out.append(root)
    return out[0], out[1]


GO_ENV = {"GOPROXY": "off", "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local", "GO111MODULE": "on",
          "GOCACHE": str(TMP / "go-cache"), "GOPATH": str(TMP / "go-path")}

LANDINGS = ["north-stage", "south-stage", "chain-bay", "slipway", "toll-window", "cart-ramp"]
WARDENS = ["Edith Hawser", "Caleb Tollman", "Maud Capstan", "Owen Ferrier", "Lettie Chainer", "Jem Landing"]


def api_files(www: Path) -> None:
    """Toll tickets in round 1's json-api envelope, three pages with timestamps; crossing fares in round 9b's orders
    shape; warden rope inspections as a bare array; a few failed records and one outlier in each."""
    rnd = random.Random(SEED)
    ts = w469._ts
    api = www / "api"
    (api / "toll-tickets").mkdir(parents=True, exist_ok=True)
    n = 0
    for page in (1, 2, 3):
        recs = []
        for j in range(40):
            st = LANDINGS[n % len(LANDINGS)]
            r = {"module": f"ticket-{st}-{n + 1:03d}", "status": "passed", "issued_at": ts(rnd, n),
                 "passengers": rnd.randint(1, 14), "fare_pence": rnd.randint(20, 480),
                 "duration_ms": rnd.randint(15, 260)}
            if n in (7, 46, 83, 117):
                r["status"] = "failed"
                r["error"] = (f"TicketError: {st} punch jammed after {rnd.randint(2, 30)} tickets, {r['issued_at']} "
                              f"(warden W-{rnd.randint(10, 99)} void stub not returned)")
            if n == 64:
                r["status"] = "skipped"
            if n == 29:
                r["fare_pence"], r["duration_ms"] = 9650, 8840
            recs.append(r)
            n += 1
        failed = sum(r["status"] == "failed" for r in recs)
        doc = {"suite": "rope-ferry-toll-tickets", "page": page, "pages": 3, "count": len(recs), "failed": failed,
               "ok": len(recs) - failed,
               "next": f"/api/toll-tickets/page{page + 1}.json" if page < 3 else None, "results": recs}
        (api / "toll-tickets" / f"page{page}.json").write_text(json.dumps(doc) + "\n")
    fares = []
    for i in range(60):
        a = {"id": 9100 + i, "order_ref": f"FX-{rnd.randint(10000, 99999)}", "warden": rnd.choice(WARDENS),
             "item": f"{rnd.choice(['foot passenger', 'hand cart', 'horse and rider', 'drove of sheep'])} "
                     f"at the {rnd.choice(LANDINGS)}",
             "status": "done", "qty": rnd.randint(1, 8), "amount_cents": rnd.randint(200, 9000), "at": ts(rnd, i)}
        if i in (8, 27, 49):
            a["status"] = "failed"
            a["reason"] = "rope slack at mid-river: crossing turned back, toll refunded"
        if i == 41:
            a["status"], a["qty"], a["amount_cents"] = "held", 120, 684_000
        fares.append(a)
    (api / "crossing-fares.json").write_text(json.dumps({
        "count": len(fares), "failed": sum(a["status"] == "failed" for a in fares), "results": fares}) + "\n")
    insp = []
    for i in range(48):
        r = {"id": 600 + i, "rope": f"R-{LANDINGS[i % len(LANDINGS)]}-{i % 4 + 1}", "warden": rnd.choice(WARDENS),
             "status": "sound", "strand_wear_mm": round(rnd.uniform(0.1, 1.2), 2),
             "cost_cents": rnd.randint(4000, 21000), "inspected_at": ts(rnd, i * 3)}
        if i in (11, 36):
            r["status"] = "frayed"
        if i == 23:
            r["status"], r["strand_wear_mm"], r["cost_cents"] = "parted", 9.4, 412_000
        insp.append(r)
    (api / "rope-inspections.json").write_text(json.dumps(insp) + "\n")


WARDENHOUSE_JS = {
    "eslint.config.js": w469.VALVEHOUSE_JS["eslint.config.js"],
    "tolls.js": (
        "var taken = {};\nfunction charge(crossing, heads) {\n  let fare = crossing.fare;\n  if (heads == 0) return 0\n"
        "  switch (crossing.kind) {\n    case 'cart': heads = heads + 2;\n    case 'horse': return surcharge(crossing);\n"
        "    default: return heads;\n  }\n}\nfunction refund(crossing) {\n  return taken[crossing.id] = 0;\n"
        "  console.log('refunded');\n}\nmodule.exports = { charge, refund, charge: charge };\n"),
    "tickets.js": (
        "const wardens = require('./wardens');\nfunction punch(ticket) {\n  let hole = ticket.hole;\n"
        "  if (hole = 0) return null;\n  while (true) { if (ticket.punched) break; }\n  return stub * 2;\n}\n"
        "module.exports = { punch };\n"),
    "wardens.js": (
        "let rota = 0;\nfunction relieve(hours) {\n  rota = rota + hours;\n  if (rota != 12) return rota\n"
        "  return handover(rota);\n}\nmodule.exports = { relieve, shift: 6, shift: 8 };\n"),
}

FERRY_TOLLS_PY = {
    "ferry_tolls/__init__.py": "from .fares import *\nimport sys, os\n",
    "ferry_tolls/fares.py": (
        "import json\nimport os\nfrom typing import List, Optional\n\n\ndef load(path, crossed=[]):\n"
        "    crossed.append(path)\n    f = open(path)\n    return json.load(f)\n\n\ndef per_head(fare):\n    try:\n"
        "        return fare['pence'] / fare['heads']\n    except:\n        return None\n\n\n"
        "def dearest(rows: List[dict]) -> Optional[dict]:\n    top = None\n    for i in range(len(rows)):\n"
        "        if rows[i]['pence'] == None:\n            continue\n        if top is None or rows[i]['pence'] > top['pence']:\n"
        "            top = rows[i]\n    return top\n"),
    "ferry_tolls/wardens.py": (
        "import subprocess\nimport pickle\n\n\nclass Warden(object):\n    def __init__(self, name, hours=12):\n"
        "        self.name = name\n        self.hours = hours\n\n    def ring_bell(self, cmd):\n"
        "        return subprocess.run(cmd, shell=True)\n\n    def ledger(self, blob):\n"
        "        return pickle.loads(blob)\n\n    def tired(self):\n        assert self.hours >= 0, 'negative hours'\n"
        "        if self.hours == None: return False\n        return eval('%d > 16' % self.hours)\n"),
}

JQ_INSP = "jq -c '.[] | {id, rope, warden, status, wear: .strand_wear_mm, amount: .cost_cents, inspected_at}'"
PIP = f"{VENV}/bin/pip"
PIP_ENV = {"PIP_DISABLE_PIP_VERSION_CHECK": "1"}


# ---------------------------------------------------------------- steps

def api_server(tmp: Path) -> None:
    www = tmp / "www"
    api_files(www)
    cm.start(f"cd {www} && exec python3 -m http.server {PORT_API} --bind 127.0.0.1")
    time.sleep(1.5)


def packages(tmp: Path) -> None:
    app = tollworks(tmp)
    ws = tollhouse(tmp)
    cap("npm-view-glightbox-json", "npm view glightbox --json", tmp, n_npm_view, timeout=300)
    cap("npm-view-hotkeys-js-json", "npm view hotkeys-js --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-litepicker-exit", "chain-pkg-exit", "pkg",
          [Part("npm view litepicker --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("npm-view-masonry-layout-json", "npm view masonry-layout --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-micromodal-exit", "chain-pkg-exit", "pkg",
          [Part("npm view micromodal --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp,
          timeout=300)
    cap("jq-versions-npm-view-hotkeys-js", "npm view hotkeys-js --json | jq '.versions'", tmp, n_jq_lines,
        timeout=300)
    cap("jq-versions-npm-view-lil-gui", "npm view lil-gui --json | jq '.versions'", tmp, n_jq_lines, timeout=300)
    cap("cat-package-lock-tollworks", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-tollworks", w469.JQ_LOCK, app, n_jq)
    cap("jq-package-lock-keys-tollworks", "jq '.packages | keys' package-lock.json", app, n_jq_lines)
    cap("jq-package-json-tollworks", "jq '{name, version, description, dependencies}' package.json", app,
        n_json_file)
    chain("chain-npm-ls-json-tollworks-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-json-all-tollworks", "npm ls --json --all 2>/dev/null", app, n_npm_ls_json, timeout=300)
    cap("npm-ls-all-tollworks", "npm ls --all 2>&1", app, n_npm_ls, timeout=300)
    chain("chain-cd-npm-ls-tollworks-exit", "chain-pkg-exit", "pkg",
          [Part("cd tollworks", None), Part("npm ls 2>&1", n_npm_ls, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("pip-inspect-tollhouse-venv-head", f"{PIP} inspect 2>/dev/null | head -n 320", tmp, n_pip_inspect,
        timeout=300, env=PIP_ENV, typed="pip inspect 2>/dev/null | head -n 320")
    cap("pip-show-several", f"{PIP} show hiredis google-crc32c gmpy2 marisa-trie httptools", tmp, n_pip_show,
        timeout=300, env=PIP_ENV, typed="pip show hiredis google-crc32c gmpy2 marisa-trie httptools")
    cap("pip-show-files-gmpy2-httptools", f"{PIP} show -f gmpy2 httptools marisa-trie", tmp, n_pip_show,
        timeout=300, env=PIP_ENV, typed="pip show -f gmpy2 httptools marisa-trie")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-tollhouse", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    chain("chain-cargo-metadata-no-deps-exit", "chain-pkg-exit", "pkg",
          [Part("cd tollhouse-ws", None), Part("cargo metadata --format-version 1 --offline --no-deps",
                                               n_cargo_meta, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=env)
    cap("cat-cargo-lock-tollhouse", "cat Cargo.lock", ws, n_cargo_lock)
    tollgate, ferryside = go_modules(tmp)
    genv = dict(GO_ENV)
    cap("go-list-json-tollgate", "go list -json ./...", tollgate, n_go_list_json, env=genv, timeout=300)
    chain("chain-go-list-e-json-ferryside-exit", "chain-pkg-exit", "pkg",
          [Part("cd ferryside", None), Part("go list -e -json ./... 2>&1", n_go_list_json, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, env=genv, timeout=300)
    lint = tmp / "lint"
    cm.write_tree(lint / "wardenhouse", WARDENHOUSE_JS)
    cm.write_tree(lint / "tolls", FERRY_TOLLS_PY)
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-wardenhouse", f"{eslint} -f json . 2>&1", lint / "wardenhouse", n_eslint_json, timeout=300,
        typed="npx eslint -f json . 2>&1")
    cap("ruff-json-ferry-tolls",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json ferry_tolls 2>/dev/null",
        lint / "tolls", n_ruff_json, timeout=300,
        typed="ruff check --no-cache --isolated --select ALL --output-format json ferry_tolls 2>/dev/null")


def api(tmp: Path) -> None:
    base = f"http://127.0.0.1:{PORT_API}/api"
    cap("curl-json-api-toll-tickets-page1-oneline", f"curl -s {base}/toll-tickets/page1.json", tmp, n_json_api)
    cap("curl-json-api-toll-tickets-page3-json-tool",
        f"curl -s {base}/toll-tickets/page3.json | python3 -m json.tool", tmp, n_json_api)
    chain("chain-curl-toll-tickets-pages-exit", "chain-curl-exit", "json",
          [Part(f"curl -s {base}/toll-tickets/page1.json", n_json_api),
           Part(f"curl -s {base}/toll-tickets/page2.json", n_json_api, ";"),
           Part(f"curl -s {base}/toll-tickets/page3.json", n_json_api, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("curl-json-api-crossing-fares-json-tool", f"curl -s {base}/crossing-fares.json | python3 -m json.tool",
        tmp, n_api_json)
    cap("curl-jq-c-rope-inspections", f"curl -s {base}/rope-inspections.json | {JQ_INSP}", tmp, n_jq_compact)


DOCS_MD: list[tuple[str, str]] = []   # (item, path under npm/), filled in by _docs() from what is installed
DOCS_HTML: list[tuple[str, str]] = []
MINIFIED = {"read": ("oc-read-min-glightbox-js", "glightbox/dist/js/glightbox.min.js"),
            "bash": ("bash-cat-min-masonry", "masonry-layout/dist/masonry.pkgd.min.js")}


def _docs() -> None:
    """The installed packages' documentation files that exist (README/CHANGELOG markdown, an HTML page)."""
    nm = JS / "node_modules"
    DOCS_MD.clear()
    DOCS_HTML.clear()
    for pkg, name in (("lozad", "README.md"), ("micromodal", "README.md"), ("mousetrap", "README.md"),
                      ("kute.js", "README.md"), ("glightbox", "CHANGELOG.md"), ("lil-gui", "README.md")):
        if (nm / pkg / name).is_file():
            DOCS_MD.append((f"oc-webfetch-md-{pkg.replace('.', '-')}-{name.split('.')[0].lower()}", f"{pkg}/{name}"))
    for pkg in ("glightbox", "gauge.js", "masonry-layout", "lil-gui"):
        hits = sorted(p for p in (nm / pkg).rglob("*.html") if "node_modules" not in p.relative_to(nm / pkg).parts)
        if hits:
            DOCS_HTML.append((f"oc-webfetch-html-{pkg.replace('.', '-')}", str(hits[0].relative_to(nm))))
            break


def specs(root: Path, env: dict) -> list:
    B, C, Spec, oc_ext = w469.B, w469.C, w469.Spec, w469.oc_ext
    nm = f"{JS}/node_modules"
    S: list = [
        B("oc-bash-npm-ls-json-tollworks", n_npm_ls_json, "cd tollworks && npm ls --json 2>/dev/null"),
        B("oc-bash-jq-versions-glightbox", n_jq_lines, "npm view glightbox --json | jq '.versions'"),
        B("oc-bash-npm-view-lozad", n_npm_view, "npm view lozad --json"),
        B("oc-bash-pip-show-hiredis-gmpy2", n_pip_show, "pip show hiredis gmpy2 google-crc32c"),
        B("oc-bash-cargo-metadata-tollhouse", n_cargo_meta,
          "cd tollhouse-ws && cargo metadata --format-version 1 --offline"),
    ]
    S.append(C("oc-bash-chain-npm-ls-all-exit", "chain-pkg-exit", "pkg",
               [Part("cd tollworks", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List tollworks' dependency tree"))
    bu = "{BASE}"
    _docs()
    O = [Spec("oc-read-lock-tollworks", "oc-read-lockfile", "json", "read",
              {"filePath": f"{root}/tollworks/package-lock.json"}, "json")]
    for item, path in DOCS_MD:
        O.append(Spec(item, "oc-webfetch-markdown", "doc", "webfetch",
                      {"url": f"{bu}/npm/{path}", "format": "markdown"}, source=f"npm/{path}"))
    for item, path in DOCS_HTML:
        O.append(Spec(item, "oc-webfetch-html", "doc", "webfetch", {"url": f"{bu}/npm/{path}", "format": "html"},
                      source=f"npm/{path}"))
    item, path = MINIFIED["read"]
    O.append(Spec(item, "oc-read-minified", "code", "read", {"filePath": f"{nm}/{path}"}, "minified"))
    item, path = MINIFIED["bash"]
    O.append(Spec(item, "bash-cat-minified", "code", "bash",
                  {"command": f"cat {nm}/{path} | head -c 80000", "description": "Print masonry.pkgd.min.js"},
                  "minified"))
    for spec in O:
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def opencode(tmp: Path) -> None:
    """Round 483's way (469's, 463's): capture_opencode's doc server and stub on this round's ports."""
    oco = w469.capture_opencode
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = w383._doc_server
    oco.StubServer = functools.partial(orig[1], port=PORT_STUB)
    try:
        w469.run_round(
            tmp,
            f"cp -a {tmp}/tollworks tollworks && cp -r {tmp}/tollhouse-ws tollhouse-ws",
            "true", {"npm": str(JS / "node_modules")}, str(VENV), str(JS), specs, add, seed=SEED,
        )
    finally:
        oco.start_doc_server, oco.StubServer = orig


def steps() -> list:
    _imports()
    return [api_server, packages, api, opencode]


def install() -> None:
    (TOOLS / "src").mkdir(parents=True, exist_ok=True)
    (TOOLS / "src" / "none-sdists").touch()
    TOOLSET.install()


def main() -> None:
    cm.capture_round(__doc__, install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide497", sys.modules["__main__"])
    main()
