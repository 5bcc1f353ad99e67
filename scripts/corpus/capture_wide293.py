#!/usr/bin/env python3
"""Capture round 293 of the compression corpus: second samples of everyday JavaScript/TypeScript tools.
biome (check, lint), oxlint, prettier --check / --list-different, knip, depcheck, publint, madge --circular,
size-limit, webpack, rollup, esbuild (errors and --analyze), vite build, tsc --build over project references,
npm ls on a broken tree and npm outdated (the registry), run on projects of the round's own written by a seeded
generator with faults put in on purpose. About a third of the command lines are typed as agents type them.

Every kind is already in the corpus: the extractors are the earlier rounds', imported unchanged (NEEDLES.md,
"Round 293"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide293.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide293.json  as {"version": 2, "items": [...]}, ids prefixed "wide293-".
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import n_esbuild, n_npm_outdated, n_prettier  # noqa: E402
from capture_wide10_eco import n_biome, n_oxlint  # noqa: E402
from capture_wide21_tools import n_depcheck, n_knip, n_madge, n_vite_failed  # noqa: E402
from capture_wide24_js import diag  # noqa: E402
from capture_wide46_js import N_NPM_LS_BROKEN, N_SIZE_LIMIT, N_TSC_B_REFS  # noqa: E402
from capture_wide6_new import n_esbuild_analyze, n_rollup, n_vite, n_webpack  # noqa: E402
from capture_wide9a_js import n_npm_ls  # noqa: E402

ID_PREFIX = "wide293-"
DEFAULT_OUT = HERE / "data" / "wide293.json"
ROOT = Path(os.environ.get("HM_WIDE293_ROOT", "/dev/shm/hm-corpus-wide293"))
TOOLS = ROOT / "tools"
TMP = ROOT / "run"

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add

# the publint kind, as capture_wide24_js registers it (same name, family, rule line and pattern)
N_PUBLINT = diag("publint", "pkg", "publint: every numbered item under Errors/Warnings/Suggestions and the section "
                 "headers; rules 1,3.", values=r"^(Errors|Warnings|Suggestions):|^\d+\. ")

NPM_PKGS = ["@biomejs/biome", "oxlint", "prettier", "knip", "depcheck", "publint", "madge", "size-limit",
            "@size-limit/file", "webpack", "webpack-cli", "rollup", "esbuild", "vite", "typescript"]

WORDS = ["order", "cart", "price", "stock", "user", "coupon", "ship", "tax", "invoice", "refund", "review", "search",
         "wish", "promo", "audit", "ledger", "vendor", "label", "route", "quota", "token", "report", "batch", "alert"]


def cap(item_id: str, command: str, cwd: Path, ext, timeout: int = 180) -> None:
    """The command as an agent types it (`npx tool`); run with the round's node_modules/.bin first on PATH."""
    add(item_id, command, cm.run(command.replace("npx ", ""), cwd=cwd, timeout=timeout), ext)


def write(root: Path, files: dict[str, str]) -> None:
    for rel, body in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(body)


# ------------------------------------------------------------------ the generated JS project

def module_src(rng: random.Random, i: int, n: int, name: str, faults: bool) -> str:
    """A plain ES module; `faults` puts lint findings in (var, ==, debugger, unused vars, empty blocks)."""
    imps = sorted({rng.randrange(n) for _ in range(rng.randint(1, 3))} - {i})
    lines = [f"import {{ {WORDS[j % len(WORDS)]}{j} }} from './{WORDS[j % len(WORDS)]}{j}.js';" for j in imps]
    lines.append("")
    w = name
    lines += [f"export function {w}(items, rate) {{",
              "  const total = items.reduce((acc, it) => acc + it.qty * it.price, 0);",
              "  return Math.round(total * (1 + rate) * 100) / 100;",
              "}", "",
              f"export function {w}Label(item) {{",
              "  return `${item.sku}: ${item.qty}`;",
              "}", ""]
    if faults:
        kind = rng.choice(["var", "eq", "debugger", "unused", "empty", "mixed"])
        if kind in ("var", "mixed"):
            lines += [f"export function {w}Legacy(list) {{", "  var out = [];",
                      "  for (var k = 0; k < list.length; k++) { out.push(list[k]); }", "  return out;", "}", ""]
        if kind in ("eq", "mixed"):
            lines += [f"export function {w}Same(a, b) {{", "  if (a == b) return true;",
                      "  return a.id == null ? false : a.id === b.id;", "}", ""]
        if kind == "debugger":
            lines += [f"export function {w}Debug(x) {{", "  debugger;", "  return x;", "}", ""]
        if kind in ("unused", "mixed"):
            lines += [f"export function {w}Check(order) {{", "  const unusedFlag = order.flag;",
                      "  let retries = 3;", "  return order.ok;", "}", ""]
        if kind == "empty":
            lines += [f"export function {w}Try(fn) {{", "  try {", "    return fn();", "  } catch (e) {}", "}", ""]
    for j in imps:
        lines.append(f"export const use{j}_{i} = () => {WORDS[j % len(WORDS)]}{j}([], 0);")
    return "\n".join(lines) + "\n"


def make_js(root: Path, n: int, seed: int, fault_rate: float, cycles: bool = True) -> list[str]:
    """`n` modules under src/, each importing a few others (so cycles appear), an index importing some."""
    rng = random.Random(seed)
    names = [f"{WORDS[i % len(WORDS)]}{i}" for i in range(n)]
    files = {}
    for i, nm in enumerate(names):
        files[f"src/{nm}.js"] = module_src(rng, i, n if cycles else i + 1 if i else 1, nm, rng.random() < fault_rate)
    entry = names[: max(3, n // 3)]
    files["src/index.js"] = "".join(f"import {{ {nm} }} from './{nm}.js';\n" for nm in entry) + \
        "export const all = [" + ", ".join(entry) + "];\n"
    write(root, files)
    return names


def mangle_format(root: Path, names: list[str], seed: int, rate: float) -> None:
    """Unformat a seeded share of the (already prettier-formatted) modules."""
    rng = random.Random(seed)
    for nm in names:
        if rng.random() < rate:
            p = root / "src" / f"{nm}.js"
            t = p.read_text()
            t = t.replace("  return ", "    return  ", 1).replace("(items, rate)", "( items,rate )")
            t = t.replace("';\n", "'\n", 1).replace("=> acc +", "=>acc+")
            p.write_text(t)


def pkg(name: str, deps: dict, dev: dict | None = None, **extra) -> str:
    d = {"name": name, "version": "1.4.0", "private": True, "type": "module", "main": "src/index.js",
         "dependencies": deps, "devDependencies": dev or {}}
    d.update(extra)
    return json.dumps(d, indent=2) + "\n"


# ------------------------------------------------------------------ steps

def lint(tmp: Path) -> None:
    """biome, oxlint, prettier on two generated projects (40 and 140 modules)."""
    for tag, n, seed, rate in [("small", 40, 2931, 0.25), ("big", 140, 2932, 0.4)]:
        d = tmp / f"lint-{tag}"
        names = make_js(d, n, seed, rate)
        write(d, {"package.json": pkg(f"shop-{tag}", {})})
        cm.run("prettier --write src >/dev/null 2>&1", cwd=d, timeout=120)
        mangle_format(d, names, seed + 7, 0.5 if tag == "small" else 0.3)
        if tag == "small":
            cap("biome-check-small", "npx biome check src", d, n_biome)
            cap("biome-lint-small", "npx biome lint src 2>&1 | tail -n 80", d, n_biome)
            cap("oxlint-small", "npx oxlint src", d, n_oxlint)
            cap("oxlint-small-exit", "npx oxlint -D correctness -W suspicious src; echo EXIT=$?", d, n_oxlint)
            cap("prettier-check-small", "npx prettier --check src", d, n_prettier)
        else:
            cap("biome-check-big", "npx biome check --max-diagnostics=90 src", d, n_biome)
            cap("biome-lint-big", "npx biome lint --max-diagnostics=150 src 2>&1", d, n_biome)
            cap("biome-check-big-head", "npx biome check src 2>&1 | head -n 120", d, n_biome)
            cap("oxlint-big", "npx oxlint src 2>&1", d, n_oxlint)
            cap("oxlint-big-tail", "npx oxlint -A all -W no-debugger -W eqeqeq -W no-unused-vars src | tail -n 60", d,
                n_oxlint)
            cap("prettier-check-big", "npx prettier --check . 2>&1; echo EXIT=$?", d, n_prettier)
            cap("rollup-build-circular", "npx rollup src/index.js -d dist -f es 2>&1", d, n_rollup)
            # a file prettier cannot parse, among the rest
            (d / "src" / "broken.js").write_text("export function broken( {\n  return 1;\n}\n")
            cap("prettier-check-syntax-error", "npx prettier --check src 2>&1", d, n_prettier)


def deps(tmp: Path) -> None:
    """knip, depcheck, madge, publint on a package with unused / missing dependencies, dead files and cycles."""
    for tag, n, seed in [("small", 24, 2933), ("big", 220, 2934)]:
        d = tmp / f"deps-{tag}"
        names = make_js(d, n, seed, 0.2)
        rng = random.Random(seed)
        used = ["lodash", "date-fns", "zod", "axios"]
        extra = {}
        # dead files: never imported
        for k in range(3 if tag == "small" else 12):  # noqa: B007
            extra[f"src/legacy/old{k}.js"] = f"import _ from 'lodash';\nexport const old{k} = () => _.noop();\n"
        # missing dependencies: imported but not declared
        for nm in rng.sample(names, 6 if tag == "small" else 30):
            p = d / "src" / f"{nm}.js"
            mod = rng.choice(["dayjs", "uuid", "chalk", "nanoid", "ky", "ms", "ws", "yaml", "semver", "mime",
                              "he", "ini", "dotenv", "debug"])
            p.write_text(f"import {mod.replace('-', '')} from '{mod}';\n" + p.read_text()
                         + f"export const dep_{nm} = () => {mod.replace('-', '')};\n")
        for nm in names[:4]:
            p = d / "src" / f"{nm}.js"
            p.write_text(f"import {{ z }} from 'zod';\nimport axios from 'axios';\n" + p.read_text()
                         + "export const schema = z.string();\nexport const http = axios.create();\n")
        write(d, extra)
        unused = ["moment", "left-pad", "request", "jquery", "underscore", "bluebird", "q", "colors", "async",
                  "handlebars", "node-fetch", "rxjs", "immutable", "ramda", "qs", "yup", "joi", "luxon", "pino",
                  "winston", "sharp", "cheerio"][: 14 if tag == "small" else 22]
        write(d, {"package.json": pkg(f"storefront-{tag}", {**{u: "^1.0.0" for u in used + unused}},
                                      {"eslint": "^9.0.0", "jest": "^29.0.0", "typescript": "^5.0.0"},
                                      exports={".": "./src/missing-entry.js", "./utils": "./src/utils.js"},
                                      files=["dist"], bin={"storefront": "bin/cli.js"},
                                      repository="github.com/acme/storefront", license="")})
        sfx = f"-{tag}"
        cap("knip" + sfx, "npx knip" if tag == "small" else "npx knip --no-progress 2>&1", d, n_knip)
        cap("depcheck" + sfx, "npx depcheck" if tag == "small" else "npx depcheck .; echo EXIT=$?", d, n_depcheck)
        cap("madge-circular" + sfx, "npx madge --circular src" if tag == "small"
            else "npx madge --circular --extensions js src 2>&1", d, n_madge)
        cap("publint" + sfx, "npx publint" if tag == "small" else "npx publint --strict 2>&1; echo EXIT=$?", d,
            N_PUBLINT)


def bundlers(tmp: Path) -> None:
    """webpack, rollup, esbuild, vite and size-limit on a generated app with a bad import and a huge module."""
    d = tmp / "app"
    names = make_js(d, 60, 2935, 0.0, cycles=False)
    rng = random.Random(2936)
    big = "export const TABLE = [\n" + "".join(
        f"  {{ id: {k}, sku: 'SKU-{rng.randrange(10**8):08d}', name: '{rng.choice(WORDS)} {k}', "
        f"price: {rng.randint(1, 99999) / 100}, tags: ['{rng.choice(WORDS)}', '{rng.choice(WORDS)}'] }},\n"
        for k in range(9000)) + "];\n"
    write(d, {"src/table.js": big,
              "src/admin.js": "import { TABLE } from './table.js';\nimport { order0 } from './order0.js';\n"
                              "export const admin = () => TABLE.length + order0([], 0);\nglobalThis.ADMIN_TABLE = TABLE;\n",
              "src/reports.js": "import { TABLE } from './table.js';\nimport { missingThing } from './cart1.js';\n"
                                "export const top = TABLE.slice(0, 5);\nconsole.log(top, missingThing);\n",
              "src/main.js": "import { all } from './index.js';\nimport { price2 } from './price2.js';\nimport './admin.js';\n"
                             "console.log(all.length, price2([], 0.2));\n",
              "src/broken.js": "import { all } from './index.js';\nimport { fmt } from './utils/format.js';\n"
                               "import chart from 'chart-lib';\nexport const b = fmt(all) + chart;\n",
              "index.html": "<!doctype html><html><body><script type=\"module\" src=\"/src/main.js\"></script>"
                            "<script type=\"module\" src=\"/src/admin.js\"></script></body></html>\n",
              "package.json": pkg("bundles", {}, {"size-limit": "^12.1.0", "@size-limit/file": "^12.1.0"})})
    (d / "node_modules").symlink_to(TOOLS / "js" / "node_modules")  # size-limit loads its plugin from here
    # dynamic requires: webpack warns "Critical dependency" for each
    for k in range(60):
        write(d, {f"src/plugins/p{k}.cjs": f"const name = 'plugin-' + {k};\nmodule.exports = () => require(name);\n"
                                          f"module.exports.load = (x) => require('./' + x + '.json');\n"})
    write(d, {"src/plugins/index.cjs": "".join(f"require('./p{k}.cjs');\n" for k in range(60))})
    write(d, {"webpack.ok.cjs": "module.exports = { mode: 'production', cache: false, performance: { hints: "
                                "'warning' }, entry: { main: './src/main.js', admin: './src/admin.js', plugins: "
                                "'./src/plugins/index.cjs' }, output: { path: __dirname + '/dist-wp' } };\n",
              "webpack.bad.cjs": "module.exports = { mode: 'development', devtool: false, entry: { main: "
                                 "'./src/main.js', broken: './src/broken.js' }, output: { path: __dirname + "
                                 "'/dist-wp2' } };\n"})
    cap("webpack-warnings", "npx webpack --config webpack.ok.cjs", d, n_webpack)
    cap("webpack-module-not-found", "npx webpack --config webpack.bad.cjs 2>&1; echo EXIT=$?", d, n_webpack)
    cap("webpack-verbose-assets", "npx webpack --config webpack.bad.cjs --stats detailed 2>&1 | tail -n 100", d,
        n_webpack)
    cap("rollup-build", "npx rollup src/main.js src/admin.js src/reports.js -d dist-rollup -f es", d, n_rollup)
    cap("rollup-build-broken", "npx rollup src/broken.js src/main.js -d dist-rollup2 -f es 2>&1; echo EXIT=$?", d,
        n_rollup)
    cap("esbuild-errors", "npx esbuild src/broken.js src/reports.js --bundle --outdir=out-err 2>&1", d, n_esbuild)
    cap("esbuild-analyze", "npx esbuild src/main.js src/admin.js src/plugins/index.cjs --bundle --splitting --format=esm "
        "--outdir=out --analyze", d, n_esbuild_analyze)
    cap("esbuild-analyze-verbose", "npx esbuild src/main.js --bundle --minify --outfile=out/main.min.js "
        "--analyze=verbose 2>&1 | head -n 150", d, n_esbuild_analyze)
    # esbuild syntax errors and warnings across many files
    for k in range(60):
        body = (f"export function f{k}(a) {{\n  if (a = {k}) return a\n  return typeof a == 'strin'\n}}\n"
                if k % 3 else f"export const g{k} = (x) => {{ return x +* 2 }}\n")
        (d / "src" / "bad" / f"b{k}.js").parent.mkdir(exist_ok=True)
        (d / "src" / "bad" / f"b{k}.js").write_text(body)
    (d / "src" / "bad" / "index.js").write_text("".join(f"export * from './b{k}.js';\n" for k in range(60)))
    cap("esbuild-syntax-errors", "npx esbuild src/bad/index.js --bundle --outfile=out/bad.js --log-limit=0; "
        "echo EXIT=$?", d, n_esbuild)
    cap("vite-build-chunk-warning", "npx vite build", d, n_vite)
    (d / "src" / "lazy.js").write_text("const mods = import.meta.glob('./*.js');\n"
                                       "export const load = (k) => mods[k]();\n")
    (d / "src" / "main.js").write_text((d / "src" / "main.js").read_text() + "import { load } from './lazy.js';\n"
                                       "load('./order0.js').then(console.log);\n")
    cap("vite-build-failed-glob", "npx vite build 2>&1; echo EXIT=$?", d, n_vite_failed)
    (d / "src" / "lazy.js").write_text("const mods = import.meta.glob('./*[0-9].js');\n"
                                       "export const load = (k) => mods[k]();\n")
    cap("vite-build-many-chunks", "npx vite build 2>&1 | grep -v gzip:\\ *0.0; echo EXIT=$?", d, n_vite)
    cap("webpack-stats-verbose", "npx webpack --config webpack.ok.cjs --stats verbose 2>&1 | tail -n 600", d,
        n_webpack)
    cap("esbuild-analyze-verbose-all", "npx esbuild src/main.js src/admin.js --bundle --splitting --format=esm "
        "--outdir=out2 --analyze=verbose 2>&1", d, n_esbuild_analyze)
    write(d, {"vite.config.js": "export default { build: { rollupOptions: { input: ['index.html', "
                                "'src/broken.js'] } } };\n"})
    cap("vite-build-failed-import", "npx vite build 2>&1; echo EXIT=$?", d, n_vite_failed)
    (d / "vite.config.js").unlink()
    write(d, {".size-limit.json": json.dumps([
        {"name": "main", "path": "dist-wp/main.js", "limit": "10 kB"},
        {"name": "admin", "path": "dist-wp/admin.js", "limit": "300 kB"},
        {"name": "reports", "path": "dist-wp/reports.js", "limit": "50 kB"},
        {"name": "all chunks", "path": "dist-wp/*.js", "limit": "1 MB"},
        {"name": "rollup main", "path": "dist-rollup/main.js", "limit": "2 kB"},
    ] + [{"name": f"module {nm}", "path": f"src/{nm}.js", "limit": "170 B"} for nm in names[:60]], indent=2)})
    cap("size-limit", "npx size-limit", d, N_SIZE_LIMIT)
    cap("size-limit-exit", "npx size-limit 2>&1; echo EXIT=$?", d, N_SIZE_LIMIT)


def typescript(tmp: Path) -> None:
    """tsc --build over three referenced projects with type errors put in."""
    d = tmp / "mono"
    rng = random.Random(2937)
    files = {"tsconfig.json": json.dumps({"files": [], "references": [
        {"path": "packages/core"}, {"path": "packages/api"}, {"path": "packages/web"}]}, indent=2)}
    base = {"composite": True, "strict": True, "target": "ES2022", "module": "ES2022", "moduleResolution": "bundler",
            "outDir": "dist", "rootDir": "src", "declaration": True}
    for pk, refs, n in [("core", [], 150), ("api", ["../core"], 200), ("web", ["../core", "../api"], 250)]:
        files[f"packages/{pk}/tsconfig.json"] = json.dumps(
            {"compilerOptions": base, "include": ["src"], "references": [{"path": r} for r in refs]}, indent=2)
        for i in range(n):
            fault = rng.random() < 0.3
            src = [f"export interface {pk.title()}{i} {{ id: number; name: string; total?: number }}",
                   f"export function make{pk.title()}{i}(id: number, name: string): {pk.title()}{i} {{",
                   "  return { id, name };", "}"]
            if fault:
                f = rng.choice(["assign", "arg", "prop", "null", "ret"])
                if f == "assign":
                    src += [f"export const bad{i}: number = 'x' + {i};"]
                elif f == "arg":
                    src += [f"export const call{i} = make{pk.title()}{i}('{i}', {i});"]
                elif f == "prop":
                    src += [f"export const p{i} = make{pk.title()}{i}(1, 'a').price;"]
                elif f == "null":
                    src += [f"export function len{i}(s: string | undefined): number {{ return s.length; }}"]
                else:
                    src += [f"export function r{i}(): string {{ return {i}; }}"]
            files[f"packages/{pk}/src/m{i}.ts"] = "\n".join(src) + "\n"
    write(d, files)
    cap("tsc-build-refs", "npx tsc --build --pretty false", d, N_TSC_B_REFS)
    cap("tsc-build-refs-pretty", "npx tsc -b --pretty 2>&1 | tail -n 120", d, N_TSC_B_REFS)
    cap("tsc-build-refs-pretty-full", "npx tsc --build --pretty; echo EXIT=$?", d, N_TSC_B_REFS)
    cap("tsc-build-refs-web", "cd packages/web && npx tsc -b --pretty false; echo EXIT=$?", d, N_TSC_B_REFS)


def npm(tmp: Path) -> None:
    """npm ls over a node_modules tree written by hand (invalid, extraneous, missing), npm outdated on old pins."""
    d = tmp / "tree"
    rng = random.Random(2938)
    names = [f"{a}-{b}" for a in ["fast", "tiny", "deep", "safe", "micro", "pico", "super", "hyper", "mega", "nano"]
             for b in ["merge", "parse", "queue", "cache", "glob", "hash", "color", "retry", "diff", "lock"]]
    direct = rng.sample(names, 64)
    deps = {nm: f"^{rng.randint(1, 4)}.{rng.randint(0, 9)}.0" for nm in direct}
    lock_pk = {"": {"name": "tree-app", "version": "2.0.0", "dependencies": deps}}
    for k, nm in enumerate(direct):
        major = int(deps[nm][1])
        ver = f"{major}.{rng.randint(0, 9) + 1}.{rng.randint(0, 9)}"
        if k in (5, 17, 33):
            ver = f"{major + 1}.0.0"  # invalid: outside the range
        if k == 11:
            continue  # missing
        sub = rng.sample([x for x in names if x not in direct], 5)
        pj = {"name": nm, "version": ver, "dependencies": {s: "^1.0.0" for s in sub}}
        write(d, {f"node_modules/{nm}/package.json": json.dumps(pj)})
        lock_pk[f"node_modules/{nm}"] = {"version": ver, "dependencies": pj["dependencies"]}
        for s in sub:
            sv = f"1.{rng.randint(0, 9)}.{rng.randint(0, 9)}" if rng.random() > 0.05 else "0.9.0"
            write(d, {f"node_modules/{nm}/node_modules/{s}/package.json": json.dumps({"name": s, "version": sv})})
            lock_pk[f"node_modules/{nm}/node_modules/{s}"] = {"version": sv}
    for x in ["left-pad", "is-odd"]:  # extraneous
        write(d, {f"node_modules/{x}/package.json": json.dumps({"name": x, "version": "1.3.0"})})
    write(d, {"package.json": json.dumps({"name": "tree-app", "version": "2.0.0", "dependencies": deps}, indent=2),
              "package-lock.json": json.dumps({"name": "tree-app", "version": "2.0.0", "lockfileVersion": 3,
                                               "requires": True, "packages": lock_pk}, indent=2)})
    cap("npm-ls-broken", "npm ls", d, n_npm_ls, timeout=60)
    cap("npm-ls-all-broken", "npm ls --all 2>&1", d, N_NPM_LS_BROKEN, timeout=60)
    cap("npm-ls-all-broken-grep", "npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'; echo EXIT=$?", d, N_NPM_LS_BROKEN,
        timeout=60)
    # npm outdated: real package names, old versions written into node_modules
    o = tmp / "outdated"
    old = {"lodash": "4.17.15", "express": "4.17.1", "chalk": "4.1.0", "commander": "6.2.1", "debug": "4.1.1",
           "semver": "7.3.2", "uuid": "8.3.0", "yargs": "16.2.0", "minimist": "1.2.5", "dotenv": "8.2.0",
           "axios": "0.21.1", "ws": "7.4.6", "glob": "7.1.6", "rimraf": "3.0.2", "mkdirp": "1.0.4"}
    write(o, {"package.json": json.dumps({"name": "legacy-svc", "version": "0.9.0",
                                          "dependencies": {k: f"^{v}" for k, v in old.items()}}, indent=2)})
    for k, v in old.items():
        write(o, {f"node_modules/{k}/package.json": json.dumps({"name": k, "version": v})})
    cap("npm-outdated", "npm outdated", o, n_npm_outdated, timeout=120)
    cap("npm-outdated-exit", "npm outdated; echo EXIT=$?", o, n_npm_outdated, timeout=120)


def ensure_tools() -> None:
    cm.install_npm(TOOLS / "js", "esbuild", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(TOOLS / "js" / "node_modules" / ".bin")]


def steps() -> list:
    return [lint, deps, bundlers, typescript, npm]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide293", sys.modules["__main__"])
    main()
