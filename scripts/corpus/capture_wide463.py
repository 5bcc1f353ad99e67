"""Capture round 463 of the compression corpus (issue #11's document and JSON kinds, pretty and one-line, after rounds
383 and 417's pattern), with names from a rope walk's warehouse (coilstore, hawserloft, coil, hawser, tarkettle;
coils, hawsers, tar kettles, warehousemen), seed 46310: npm packages gsap, howler, immer, jquery, mobx, gridstack, imask,
medium-zoom and idb-keyval installed here (README/CHANGELOG served on loopback for webfetch, minified dist JS read and
printed, package JSON from npm view / npm ls / package-lock.json of the coilstore app with a missing and an invalid
dependency put in, jq over them); jam's `Jambase.html` (webfetch markdown/html/text); gdisk's `gdisk.html` and
`fixparts.html` (curl); a venv of greenlet, jeepney, jiter, multidict, gunicorn, mdurl, kiwisolver and ruff (pip
inspect); gunicorn's sdist (README, arbiter.py); a Cargo workspace (hawserloft) for cargo metadata and Cargo.lock; a
loopback JSON API (coil tests, hawser orders) fetched with curl, json.tool and jq -c; eslint -f json and ruff's JSON
reporter on code written here with faults put in. Some items come from ONE headless run of the real OpenCode (round
191's driver, round 35's doc server and stub on this round's ports through round 383's `_doc_server`).

No new extractor: each kind's needles come from the extractor an earlier round used for it, imported (NEEDLES.md's
"Round 463: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide463.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide463.json  as {"version": 2, "items": [...]}, ids prefixed "wide463-".
"""

from __future__ import annotations

import functools
import json
import os
import random
import signal
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402
import capture_wide383 as w383  # noqa: E402

ID_PREFIX = "wide463-"
DEFAULT_OUT = HERE / "data" / "wide463.json"
TMP = Path("/dev/shm/hm-corpus-wide463")
TOOLS = Path("/dev/shm/hm-corpus-wide463-tools")
PY_PKGS = ["greenlet", "jeepney", "jiter", "multidict", "gunicorn", "mdurl", "kiwisolver", "ruff"]
PY_SDISTS = ["gunicorn"]
NPM_PKGS = ["gsap", "howler", "immer", "jquery", "mobx", "gridstack", "imask", "medium-zoom", "idb-keyval", "eslint"]
APP_PKGS = NPM_PKGS[:-1]
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000
SEED = 46310
PORT_CURL, PORT_DOCS, PORT_STUB = 18463, 28463, 38463

TOOLSET = cm.Toolset(TOOLS, "ruff", PY_PKGS, "gunicorn-*", PY_SDISTS, "mobx", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

# round 383's module, pointed at this round's scratch and ports (its _doc_server reads PORT_DOCS at call time)
w383.TMP, w383.PORT_DOCS, w383.PORT_STUB = TMP, PORT_DOCS, PORT_STUB


def _imports():
    """Round 383's imports of the earlier rounds' extractors and drivers, plus the JSON kinds' own extractors."""
    w383._imports()
    w9b.TMP = TMP
    g = globals()
    for name in ("capture_opencode", "Spec", "Part", "chain", "n_status_echo", "n_html", "n_min_js",
                 "n_npm_view", "n_lock", "n_npm_ls", "n_pip_json", "n_cargo_meta", "n_ps_aux", "n_npm_ls_json",
                 "n_pip_inspect", "oc_ext", "B", "C", "run_round"):
        g[name] = getattr(w383, name)
    from capture_more import n_jq
    from capture_wide4 import n_jq_compact
    from capture_wide11 import n_jq_lines, toml_lock
    from capture_wide6_new import n_eslint_json
    from capture_wide2 import n_ruff_json
    from capture_wide9b_data import n_api_json
    from capture_wide15_data import n_json_api, n_json_file
    g.update(n_jq=n_jq, n_jq_compact=n_jq_compact, n_jq_lines=n_jq_lines, n_eslint_json=n_eslint_json,
             n_ruff_json=n_ruff_json, n_api_json=n_api_json, n_json_api=n_json_api, n_json_file=n_json_file,
             n_cargo_lock=toml_lock("cargo-lock", MEMBERS))


# ---------------------------------------------------------------- material: the coilstore app, hawserloft workspace

def coilstore(tmp: Path) -> Path:
    """The app: package.json names the nine installed packages, plus `hammer-time` (not installed: missing) and a
    `jquery` range the installed 4.x does not satisfy (invalid); its lock is the installed tree's, renamed."""
    root = tmp / "coilstore"
    root.mkdir(parents=True, exist_ok=True)
    pkg = json.loads((JS / "package.json").read_text())
    deps = {k: v for k, v in pkg["dependencies"].items() if k in APP_PKGS}
    deps["jquery"] = "^1.12.4"
    deps["hammer-time"] = "^1.1.0"
    (root / "package.json").write_text(json.dumps({
        "name": "coilstore", "version": "2.3.1", "private": True,
        "description": "Rope walk warehouse: coils, hawsers and the tar kettle's batches",
        "scripts": {"start": "node warehouse.js"}, "dependencies": deps}, indent=2) + "\n")
    lock = json.loads((JS / "package-lock.json").read_text())
    lock["name"], lock["version"] = "coilstore", "2.3.1"
    lock["packages"][""].update({"name": "coilstore", "version": "2.3.1"})
    (root / "package-lock.json").write_text(json.dumps(lock, indent=2) + "\n")
    if not (root / "node_modules").exists():
        os.symlink(JS / "node_modules", root / "node_modules")
    return root


MEMBERS = ["coil", "hawser", "tarkettle", "yarnhouse", "hawserloft"]
CARGO_WS = "[workspace]\nmembers = [" + ", ".join(f'"{m}"' for m in MEMBERS) + ']\nresolver = "2"\n'


def hawserloft(tmp: Path) -> Path:
    root = tmp / "hawserloft-ws"
    files = {"Cargo.toml": CARGO_WS}
    files.update(w383.crate("coil", "Coils of three-strand rope on the warehouse floor", {}))
    files.update(w383.crate("yarnhouse", "Rope yarns spun on the walk and stored by the hank", {}))
    files.update(w383.crate("hawser", "Hawser-laid cables and their lay lengths", {"coil": "", "yarnhouse": ""}))
    files.update(w383.crate("tarkettle", "Tar kettle batches and the yarns tarred in them", {"yarnhouse": ""}))
    files.update(w383.crate("hawserloft", "Hawser loft, coil racks and tar kettles: the warehousemen's tally",
                            {"coil": "", "hawser": "", "tarkettle": ""}, "bin"))
    cm.write_tree(root, files)
    cm.run("cargo generate-lockfile --offline", cwd=root, env={"CARGO_TERM_COLOR": "never"})
    return root


# ---------------------------------------------------------------- material: the loopback API (seed 46310)

ROPES = ["manila", "hemp", "sisal", "coir", "cotton", "flax"]
MEN = ["Abel Tarrant", "Jos Hawkes", "Nell Capstan", "Silas Bight", "Ruth Marline", "Owen Fid"]


def api_files(www: Path) -> None:
    """Static answers: coil tests in round 1's json-api envelope (module/status/numbers/error), hawser orders in round
    9b's {count, failed, results} orders shape; a few failed records and one outlier in each."""
    rnd = random.Random(SEED)
    recs = []
    for i in range(48):
        rope = ROPES[i % len(ROPES)]
        r = {"module": f"coil-{rope}-{i + 1:03d}", "status": "passed", "rope": rope,
             "breaking_load_kg": rnd.randint(1800, 2600), "length_fathoms": rnd.randint(110, 130),
             "duration_ms": rnd.randint(40, 400)}
        if i in (13, 31, 40):
            r["status"] = "failed"
            r["error"] = f"StrandError: strand {rnd.randint(1, 3)} parted at {rnd.randint(900, 1500)} kg " \
                         f"(rated {r['breaking_load_kg']} kg) in the tar kettle batch {rnd.randint(300, 399)}"
        if i == 22:
            r["status"] = "skipped"
        if i == 27:
            r["length_fathoms"], r["duration_ms"] = 412, 9381
        recs.append(r)
    failed = sum(r["status"] == "failed" for r in recs)
    doc = {"suite": "hawser-loft-breaking-tests", "count": len(recs), "failed": failed,
           "ok": len(recs) - failed, "results": recs}
    api = www / "api"
    api.mkdir(parents=True, exist_ok=True)
    (api / "coil-tests.json").write_text(json.dumps(doc) + "\n")
    orders = []
    for i in range(60):
        o = {"id": 7100 + i, "order_ref": f"HW-{rnd.randint(10000, 99999)}", "customer": rnd.choice(MEN),
             "item": f"hawser {rnd.choice(ROPES)} {rnd.choice([3, 4, 5, 6])}in", "status": "shipped",
             "qty": rnd.randint(1, 12), "amount_cents": rnd.randint(4000, 90000)}
        if i in (9, 44):
            o["status"] = "failed"
            o["reason"] = "coil short of the ordered length"
        if i == 51:
            o["status"], o["qty"], o["amount_cents"] = "held", 140, 1_264_000
        orders.append(o)
    (api / "hawser-orders.json").write_text(json.dumps({
        "count": len(orders), "failed": sum(o["status"] == "failed" for o in orders), "results": orders}) + "\n")


# ---------------------------------------------------------------- material: code for the linters' JSON reporters

TARKETTLE_JS = {
    "eslint.config.js": (
        "module.exports = [{\n  files: ['**/*.js'],\n  languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs',\n"
        "    globals: { require: 'readonly', module: 'writable', console: 'readonly', process: 'readonly' } },\n"
        "  rules: { 'no-unused-vars': 'error', 'no-undef': 'error', eqeqeq: 'warn', 'no-var': 'warn',\n"
        "    'prefer-const': 'warn', 'no-dupe-keys': 'error', 'no-unreachable': 'error', curly: 'warn',\n"
        "    'no-empty': 'warn', 'no-self-compare': 'error' },\n}];\n"),
    "kettle.js": (
        "var batches = [];\nfunction heat(kettle, degrees) {\n  let unused = kettle.id;\n  if (degrees == 140) return true\n"
        "  if (kettle.tar != kettle.tar) {}\n  return degreees > 120;\n}\n"
        "function tar(yarn) {\n  let weight = yarn.weight;\n  return weight * 1.12;\n  console.log('never');\n}\n"
        "module.exports = { heat, tar, heat: heat };\n"),
    "coils.js": (
        "const rack = require('./rack');\nvar coils = {};\nfunction stow(coil) {\n  if (coil.length == 0) return\n"
        "  let slot = rack.next();\n  coils[coil.id] = coil;\n  for (var i = 0; i < 3; i++) {}\n  return hawser;\n}\n"
        "function weigh(coil, scale) {\n  var kg = scale.read();\n  if (kg === kg) return kg\n}\n"
        "module.exports = { stow };\n"),
    "rack.js": (
        "let pointer = 0;\nfunction next() {\n  pointer = pointer + 1;\n  if (pointer != 40) return pointer\n"
        "  try { reset() } catch (e) {}\n}\nmodule.exports = { next, size: 40, size: 41 };\n"),
}

LEDGER_PY = {
    "ropewalk_ledger/__init__.py": "from .ledger import *\nimport os, sys\n",
    "ropewalk_ledger/ledger.py": (
        "import json\nimport os\nfrom typing import List, Dict\n\n\ndef load(path, cache={}):\n"
        "    if path in cache: return cache[path]\n    f = open(path)\n    data = json.load(f)\n"
        "    cache[path] = data\n    return data\n\n\ndef coil_weight(coil):\n    try:\n"
        "        return coil['kg'] * 1.0\n    except:\n        pass\n\n\ndef hawsers(rows: List[Dict]) -> list:\n"
        "    out = []\n    for i in range(len(rows)):\n        if rows[i]['lay'] == None:\n            continue\n"
        "        out.append(rows[i])\n    l = lambda r: r['kg']\n    return sorted(out, key=l)\n"),
    "ropewalk_ledger/kettle.py": (
        "import subprocess\n\n\nclass Kettle(object):\n    def __init__(self, batch, temp=140):\n"
        "        self.batch = batch\n        self.temp = temp\n\n    def fire(self, cmd):\n"
        "        return subprocess.call(cmd, shell=True)\n\n    def check(self):\n"
        "        assert self.temp > 100, 'kettle cold'\n        if self.temp == None: return False\n"
        "        print('batch %s at %d' % (self.batch, self.temp))\n        return eval(str(self.temp)) > 120\n"),
    "ropewalk_ledger/coils.py": (
        "from ropewalk_ledger.ledger import *\n\n\ndef stow(coil, rack=[]):\n    rack.append(coil)\n"
        "    unused = len(rack)\n    return rack\n\n\ndef tally(coils):\n    total = 0\n    for c in coils:\n"
        "        total += c.kg\n    return total\n"),
}


# ---------------------------------------------------------------- steps

JQ_LOCK = ("jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | sub(\"^.*node_modules/\"; \"\")), "
           "version: .value.version, license: .value.license, dev: (.value.dev // false), "
           "deps: (.value.dependencies // {} | length)}]' package-lock.json")
JQ_ORDERS = "jq -c '.results[] | {id, order_ref, customer, status, qty, amount: .amount_cents}'"


def packages(tmp: Path) -> None:
    app = coilstore(tmp)
    ws = hawserloft(tmp)
    cap("npm-view-gsap-json", "npm view gsap --json", tmp, n_npm_view, timeout=300)
    cap("npm-view-immer-json", "npm view immer --json", tmp, n_npm_view, timeout=300)
    chain("chain-npm-view-howler-exit", "chain-pkg-exit", "pkg",
          [Part("npm view howler --json", n_npm_view), Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("jq-versions-npm-view-mobx", "npm view mobx --json | jq '.versions'", tmp, n_jq_lines, timeout=300)
    cap("cat-package-lock-coilstore", "cat package-lock.json", app, n_lock)
    cap("jq-package-lock-records-coilstore", JQ_LOCK, app, n_jq)
    cap("jq-package-json-coilstore", "jq '{name, version, description, dependencies}' package.json", app,
        n_json_file)
    chain("chain-npm-ls-json-coilstore-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --json", n_npm_ls_json), Part("echo EXIT=$?", n_status_echo, ";")], app, timeout=300)
    cap("npm-ls-all-coilstore", "npm ls --all 2>&1", app, n_npm_ls, timeout=300)
    cap("pip-inspect-warehouse-venv", f"{VENV}/bin/pip inspect 2>/dev/null", tmp, n_pip_inspect, timeout=300,
        typed="pip inspect 2>/dev/null")
    env = {"CARGO_TARGET_DIR": str(tmp / "ws-target"), "CARGO_TERM_COLOR": "never"}
    cap("cargo-metadata-hawserloft", "cargo metadata --format-version 1 --offline", ws, n_cargo_meta, env=env)
    cap("cat-cargo-lock-hawserloft", "cat Cargo.lock", ws, n_cargo_lock)
    cap("cat-min-js-howler", "cat node_modules/howler/dist/howler.min.js", app, n_min_js)
    # linters' JSON reporters on code written here
    lint = tmp / "lint"
    cm.write_tree(lint / "tarkettle", TARKETTLE_JS)
    cm.write_tree(lint / "ledger", LEDGER_PY)
    eslint = JS / "node_modules" / ".bin" / "eslint"
    cap("eslint-json-tarkettle", f"{eslint} -f json . 2>&1", lint / "tarkettle", n_eslint_json, timeout=300,
        typed="npx eslint -f json . 2>&1")
    cap("ruff-json-ropewalk-ledger",
        f"{VENV}/bin/ruff check --no-cache --isolated --select ALL --output-format json ropewalk_ledger 2>/dev/null",
        lint / "ledger", n_ruff_json, timeout=300,
        typed="ruff check --no-cache --isolated --select ALL --output-format json ropewalk_ledger 2>/dev/null")
    # the loopback API and the curl'd documentation pages
    www = tmp / "www"
    api_files(www)
    for f in ("gdisk.html", "fixparts.html"):
        (www / f).write_bytes(Path("/usr/share/doc/gdisk", f).read_bytes())
    srv = cm.start(f"cd {www} && exec python3 -m http.server {PORT_CURL} --bind 127.0.0.1")
    base = f"http://127.0.0.1:{PORT_CURL}"
    try:
        time.sleep(1.5)
        cap("curl-json-api-coil-tests-oneline", f"curl -s {base}/api/coil-tests.json", tmp, n_json_api)
        cap("curl-json-api-hawser-orders-json-tool", f"curl -s {base}/api/hawser-orders.json | python3 -m json.tool",
            tmp, n_api_json)
        cap("curl-jq-c-hawser-orders", f"curl -s {base}/api/hawser-orders.json | {JQ_ORDERS}", tmp, n_jq_compact)
        chain("chain-curl-json-api-coil-tests-exit", "chain-curl-exit", "json",
              [Part(f"curl -sf {base}/api/coil-tests.json | python3 -m json.tool", n_json_api),
               Part("echo EXIT=$?", n_status_echo, ";")], tmp)
        cap("curl-html-gdisk", f"curl -s {base}/gdisk.html", tmp, n_html)
        cap("curl-html-fixparts", f"curl -s {base}/fixparts.html", tmp, n_html)
    finally:
        os.killpg(srv.pid, signal.SIGTERM)


DOCS = {"npm": "{JS}/node_modules", "jam": "/usr/share/doc/jam"}


def specs(root: Path, env: dict) -> list:
    nm = "coilstore/node_modules"
    sp = f"{VENV}/lib/python3*/site-packages"
    S: list = [
        B("oc-bash-npm-ls-json-coilstore", n_npm_ls_json, "cd coilstore && npm ls --json 2>/dev/null"),
        B("oc-bash-jq-versions-imask", n_jq_lines, "npm view imask --json | jq '.versions'"),
        B("oc-bash-pip-inspect-head", n_pip_inspect, "pip inspect 2>/dev/null | head -n 500"),
        B("oc-bash-ps-aux-cpu-head-40", n_ps_aux, "ps aux --sort=-%cpu | head -n 40"),
        B("oc-bash-cat-min-js-imask", n_min_js, f"cat {nm}/imask/dist/imask.min.js"),
        B("oc-bash-cargo-metadata-no-deps", n_cargo_meta,
          "cd hawserloft-ws && cargo metadata --format-version 1 --offline --no-deps"),
    ]
    S.append(C("oc-bash-chain-npm-ls-all-exit", "chain-pkg-exit", "pkg",
               [Part("cd coilstore", None), Part("npm ls --all 2>&1", n_npm_ls, "&&"),
                Part("echo EXIT=$?", n_status_echo, ";")], root, env, "List coilstore's dependency tree"))
    bu = "{BASE}"

    def md(item: str, path: str) -> "Spec":
        return Spec(item, "oc-webfetch-markdown", "doc", "webfetch", {"url": f"{bu}/{path}", "format": "markdown"},
                    source=path)
    O = [
        md("oc-webfetch-md-gsap-readme", "npm/gsap/README.md"),
        md("oc-webfetch-md-howler-readme", "npm/howler/README.md"),
        md("oc-webfetch-md-immer-readme", "npm/immer/readme.md"),
        md("oc-webfetch-md-jquery-readme", "npm/jquery/README.md"),
        md("oc-webfetch-md-mobx-readme", "npm/mobx/README.md"),
        md("oc-webfetch-md-gridstack-readme", "npm/gridstack/README.md"),
        md("oc-webfetch-md-medium-zoom-changelog", "npm/medium-zoom/CHANGELOG.md"),
        md("oc-webfetch-md-idb-keyval-readme", "npm/idb-keyval/README.md"),
        md("oc-webfetch-md-jambase", "jam/Jambase.html"),
        Spec("oc-webfetch-html-jambase", "oc-webfetch-html", "doc", "webfetch",
             {"url": f"{bu}/jam/Jambase.html", "format": "html"}, source="jam/Jambase.html"),
        Spec("oc-webfetch-text-jambase", "oc-webfetch-text", "doc", "webfetch",
             {"url": f"{bu}/jam/Jambase.html", "format": "text"}, source="jam/Jambase.html"),
        Spec("oc-read-min-gsap-js", "oc-read-minified", "code", "read",
             {"filePath": "{ROOT}/" + nm + "/gsap/dist/gsap.min.js"}, "minified"),
        Spec("bash-cat-min-jquery", "bash-cat-minified", "code", "bash",
             {"command": f"cat {nm}/jquery/dist/jquery.min.js | head -c 80000",
              "description": "Print jquery.min.js"}, "minified"),
        Spec("oc-read-py-gunicorn-arbiter", "oc-read-long", "code", "read",
             {"filePath": "{ROOT}/gunicorn-src/gunicorn/arbiter.py"}, "python"),
        Spec("oc-read-doc-gunicorn-readme", "oc-read-doc", "doc", "read",
             {"filePath": "{ROOT}/gunicorn-src/README.md"}, "markdown"),
        Spec("oc-read-lock-coilstore", "oc-read-lockfile", "json", "read",
             {"filePath": "{ROOT}/coilstore/package-lock.json"}, "json"),
        Spec("oc-grep-mdurl-def", "oc-grep", "search", "grep",
             {"pattern": r"^(def|class) \w+", "path": "{SP}/mdurl", "include": "*.py"}),
        Spec("oc-glob-gsap-types", "oc-glob", "listing", "glob", {"pattern": "types/*.d.ts", "path": f"{nm}/gsap"}),
    ]
    import glob as _glob
    spdir = _glob.glob(sp)[0]
    for spec in O:
        for key in ("filePath", "path"):
            if key in spec.args:
                spec.args[key] = spec.args[key].replace("{ROOT}", str(root)).replace("{SP}", spdir)
        S.append((spec, oc_ext(spec.kind, spec.family, spec)))
    return S


def opencode(tmp: Path) -> None:
    """Round 417's way: capture_opencode's doc server (round 383's `_doc_server`) and stub on this round's ports."""
    oco = capture_opencode
    orig = oco.start_doc_server, oco.StubServer
    oco.start_doc_server = w383._doc_server
    oco.StubServer = functools.partial(orig[1], port=PORT_STUB)
    docs = {k: v.replace("{JS}", str(JS)) for k, v in DOCS.items()}
    sdist = next(p for p in tmp.glob("gunicorn-*") if p.is_dir())
    try:
        run_round(
            tmp,
            f"cp -r {tmp}/coilstore coilstore && cp -r {tmp}/hawserloft-ws hawserloft-ws && "
            f"cp -r {sdist} gunicorn-src",
            "find . -name __pycache__ -prune -exec rm -rf {} + ; true",
            docs, str(VENV), str(JS), specs, add, seed=SEED,
        )
    finally:
        oco.start_doc_server, oco.StubServer = orig


def steps() -> list:
    _imports()
    return [TOOLSET.unpack, packages, opencode]


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide463", sys.modules["__main__"])
    main()
