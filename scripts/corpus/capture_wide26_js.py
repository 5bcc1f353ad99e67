"""Round 26, Node and TypeScript: a shipping-rates library written here with bugs put in, under jest and node --test,
and a route-ETA one under jest; a units-conversion ES module under vitest and bun test; oxlint and jscpd on real package sources (yargs, chai,
jest-snapshot, expect, as npm installed them); tsc --showConfig of two written projects; a yarn project (a map
viewer) under yarn list and license-checker --csv, and license-checker on round 25's tool tree; jsonlint over
broken configs. Each kind's extractor is the earlier round's, imported. Run through capture_wide26.py."""

from __future__ import annotations

import json
from pathlib import Path

from capture_more import n_jsonlint, run, write_tree
from capture_wide11 import n_tsconfig
from capture_wide15_js import n_jest, n_node_test, n_vitest
from capture_wide24_js import N_BUN_TEST, N_JSCPD, N_LICENSE_CHECKER, N_YARN_LIST
from capture_wide25_js import n_oxlint
from capture_wide26 import JS24, JS25, cap

RATES = """'use strict';
// parcel rates: weights in grams, prices in euro cents
const ZONES = { NL: 1, BE: 2, DE: 2, FR: 3, ES: 3, IT: 3, PL: 4, SE: 4, US: 9 };
const BANDS = [[2000, 695], [5000, 925], [10000, 1395], [20000, 2095], [31500, 3250]];

function zone(country) {
  return ZONES[country.toUpperCase()];  // undefined for an unknown country
}

function band(grams) {
  for (const [max, cents] of BANDS) if (grams < max) return cents;  // a parcel of exactly 2 kg pays the next band
  throw new RangeError(`too heavy: ${grams} g`);
}

function volumetric(lengthCm, widthCm, heightCm) {
  return Math.round(lengthCm * widthCm * heightCm / 5);  // divisor 5000 cm3/kg, so this is off by 1000
}

function price(parcel) {
  const grams = Math.max(parcel.grams, volumetric(...parcel.dims));
  const base = band(grams);
  const z = zone(parcel.country);
  const surcharge = z === 1 ? 0 : z * 150;
  return base + surcharge + (parcel.insured ? Math.ceil(parcel.value * 0.01) : 0);
}

function format(cents) {
  return `EUR ${(cents / 100).toFixed(2).replace('.', ',')}`;
}

function cheapest(parcels) {
  return parcels.map((p) => ({ ...p, cents: price(p) })).sort((a, b) => b.cents - a.cents)[0];  // the dearest
}

module.exports = { zone, band, volumetric, price, format, cheapest };
"""

RATE_CASES = [
    ("zone of NL", "zone('nl')", "1"), ("zone of US", "zone('US')", "9"),
    ("unknown country throws", "(() => { try { zone('XX'); return 'no'; } catch (e) { return e.name; } })()",
     "'RangeError'"),
    ("band of 1 kg", "band(1000)", "695"), ("band of exactly 2 kg", "band(2000)", "695"),
    ("band of 31.5 kg", "band(31500)", "3250"), ("volumetric of a shoebox", "volumetric(35, 25, 15)", "2625"),
    ("price NL small", "price({ grams: 800, dims: [20, 15, 10], country: 'NL' })", "695"),
    ("price DE insured", "price({ grams: 4000, dims: [30, 20, 20], country: 'DE', insured: true, value: 25000 })",
     "1475"),
    ("format cents", "format(1395)", "'EUR 13,95'"), ("format thousands", "format(123456)", "'EUR 1.234,56'"),
    ("cheapest of two", "cheapest([{ grams: 500, dims: [10, 10, 10], country: 'NL' }, "
     "{ grams: 9000, dims: [40, 30, 30], country: 'PL' }]).country", "'NL'"),
]

UNITS = """// unit conversion for a recipe app
export const toGrams = (qty, unit) => {
  const f = { g: 1, kg: 1000, oz: 28.35, lb: 453.6, cup: 240 }[unit];
  if (f === undefined) throw new Error(`unknown unit ${unit}`);
  return Math.round(qty * f);
};
export const toCelsius = (f) => Math.round((f - 32) * 5 / 9);
export const scale = (items, from, to) => items.map((i) => ({ ...i, qty: i.qty * to / from }));
export const fraction = (x) => {
  const whole = Math.floor(x);
  const rest = x - whole;
  const names = { 0.25: '1/4', 0.5: '1/2', 0.75: '3/4' };
  return whole ? `${whole} ${names[rest] ?? ''}`.trim() : names[rest] ?? String(x);
};
export const parseQty = (s) => {
  const [n, d] = s.split('/');
  return d ? Number(n) / Number(d) : Number(s);  // '1 1/2' is NaN
};
"""

UNIT_CASES = [
    ("kg to grams", "toGrams(1.5, 'kg')", "1500"), ("ounces to grams", "toGrams(4, 'oz')", "113"),
    ("cups to grams", "toGrams(0.5, 'cup')", "120"), ("tablespoons", "toGrams(2, 'tbsp')", "30"),
    ("oven 350F", "toCelsius(350)", "177"), ("oven 425F", "toCelsius(425)", "220"),
    ("scale 4 to 6", "scale([{ name: 'flour', qty: 300 }], 4, 6)", "[{ name: 'flour', qty: 450 }]"),
    ("fraction 1.5", "fraction(1.5)", "'1 1/2'"), ("fraction 0.33", "fraction(1 / 3)", "'1/3'"),
    ("fraction 2", "fraction(2)", "'2'"), ("parse 3/4", "parseQty('3/4')", "0.75"),
    ("parse mixed", "parseQty('1 1/2')", "1.5"),
]


ETA = """'use strict';
// delivery route estimates: distances in metres, speeds in km/h, times in minutes
const SPEED = { bike: 15, van: 30, truck: 25 };

function legMinutes(metres, mode) {
  return Math.round(metres / 1000 / SPEED[mode] * 60);
}

function stopMinutes(parcels) {
  return 2 + parcels * 0.5;  // a half minute a parcel: not rounded
}

function eta(start, legs) {
  let t = start;
  for (const leg of legs) t += legMinutes(leg.metres, leg.mode) + stopMinutes(leg.parcels);
  return t;
}

function clock(minutes) {
  const h = Math.floor(minutes / 60);
  return `${h}:${minutes % 60}`;  // no zero padding, no wrap past midnight
}

function late(legs, start, deadline) {
  return legs.filter((_, i) => eta(start, legs.slice(0, i)) > deadline).length;  // the i-th stop is not counted
}

module.exports = { legMinutes, stopMinutes, eta, clock, late };
"""

ETA_CASES = [
    ("bike 5 km", "legMinutes(5000, 'bike')", "20"), ("van 12 km", "legMinutes(12000, 'van')", "24"),
    ("walking is unknown", "(() => { try { legMinutes(800, 'walk'); return 'no'; } catch (e) { return e.name; } })()",
     "'TypeError'"),
    ("stop with 3 parcels", "stopMinutes(3)", "4"), ("stop with 4 parcels", "stopMinutes(4)", "4"),
    ("eta of two legs", "eta(480, [{ metres: 3000, mode: 'van', parcels: 2 }, "
     "{ metres: 6000, mode: 'van', parcels: 1 }])", "500"),
    ("clock 9:05", "clock(545)", "'9:05'"), ("clock past midnight", "clock(1445)", "'0:05'"),
    ("clock noon", "clock(720)", "'12:00'"),
    ("late stops", "late([{ metres: 9000, mode: 'truck', parcels: 1 }, { metres: 9000, mode: 'truck', parcels: 1 }], "
     "480, 500)", "1"),
]


def suite(style: str, cases: list, names: str, src: str) -> str:
    """The same cases written for each runner."""
    head = {"jest": f"const {{ {names} }} = require('{src}');\n",
            "node": "const { describe, it } = require('node:test');\nconst assert = require('node:assert/strict');\n"
                    f"const {{ {names} }} = require('{src}');\n",
            "vitest": f"import {{ describe, it, expect }} from 'vitest';\nimport {{ {names} }} from '{src}';\n",
            "bun": f"import {{ describe, it, expect }} from 'bun:test';\nimport {{ {names} }} from '{src}';\n"}[style]
    body = []
    for name, expr, want in cases:
        check = f"assert.deepStrictEqual({expr}, {want});" if style == "node" else f"expect({expr}).toEqual({want});"
        body.append(f"  it('{name}', () => {{\n    {check}\n  }});\n")
    return head + "\ndescribe('" + src.rsplit("/", 1)[-1] + "', () => {\n" + "\n".join(body) + "});\n"


def link(d: Path, js: Path = JS25) -> None:
    """The round's npm tools seen from the project, as if installed there."""
    if not (d / "node_modules").exists():
        (d / "node_modules").symlink_to(js / "node_modules")


def runners(tmp: Path) -> None:
    d = tmp / "parcel-rates"
    rn = "zone, band, volumetric, price, format, cheapest"
    write_tree(d, {"lib/rates.js": RATES, "__tests__/rates.test.js": suite("jest", RATE_CASES, rn, "../lib/rates"),
                   "test/rates.test.js": suite("node", RATE_CASES, rn, "../lib/rates"),
                   "package.json": json.dumps({"name": "parcel-rates", "version": "3.1.0", "private": True})})
    link(d)
    cap("jest-parcel-rates-failures", "npx jest --ci 2>&1", d, n_jest)
    cap("node-test-spec-parcel-rates", "node --test --test-reporter=spec test/ 2>&1", d, n_node_test)
    u = tmp / "recipe-units"
    un = "toGrams, toCelsius, scale, fraction, parseQty"
    write_tree(u, {"src/units.js": UNITS, "src/units.test.js": suite("vitest", UNIT_CASES, un, "./units.js"),
                   "bun/units.test.ts": suite("bun", UNIT_CASES, un, "../src/units.js"),
                   "package.json": json.dumps({"name": "recipe-units", "version": "0.6.0", "type": "module"})})
    link(u)
    cap("vitest-run-recipe-units", "npx vitest run src 2>&1", u, n_vitest, env={"NO_COLOR": "1"})
    cap("vitest-run-verbose-recipe-units", "npx vitest run --reporter=verbose src 2>&1", u, n_vitest,
        env={"NO_COLOR": "1"})
    cap("bun-test-recipe-units", "bun test bun 2>&1", u, N_BUN_TEST, env={"NO_COLOR": "1"})
    node_fail = tmp / "parcel-rates"
    cap("node-test-tap-parcel-rates", "node --test --test-reporter=tap test/ 2>&1", node_fail, n_node_test)
    cap("bun-test-parcel-rates", "bun test __tests__ 2>&1", d, N_BUN_TEST, env={"NO_COLOR": "1"})
    e = tmp / "route-eta"
    write_tree(e, {"src/eta.js": ETA, "test/eta.spec.js": suite("jest", ETA_CASES, "legMinutes, stopMinutes, eta, "
                                                                   "clock, late", "../src/eta"),
                   "package.json": json.dumps({"name": "route-eta", "version": "1.0.3", "private": True})})
    link(e)
    write_tree(e, {"vt/eta.test.js": suite("vitest", ETA_CASES, "legMinutes, stopMinutes, eta, clock, late",
                                           "../src/eta.js")})
    cap("vitest-run-route-eta", "npx vitest run vt 2>&1", e, n_vitest, env={"NO_COLOR": "1"})
    cap("jest-verbose-route-eta", "npx jest --ci --verbose --testMatch '**/*.spec.js' 2>&1", e, n_jest)


def sources(tmp: Path) -> None:
    """Real package sources, copied as a project vendors them."""
    d = tmp / "vendor"
    for pkg in ("yargs", "chai", "jest-snapshot", "expect"):
        run(f"mkdir -p {d} && cp -r {JS25}/node_modules/{pkg} {d}/{pkg}", cwd=tmp)
    link(d)
    cap("oxlint-w-all-yargs", "npx oxlint -W all yargs/build/lib 2>&1 | tail -n 400", d, n_oxlint)
    cap("oxlint-chai-jest-snapshot", "npx oxlint chai/lib jest-snapshot/build 2>&1", d, n_oxlint)
    cap("jscpd-jest-snapshot-expect", "jscpd jest-snapshot/build expect/build --min-lines 5 --reporters "
        "console 2>&1", d, N_JSCPD)
    cap("jscpd-yargs-chai-min-tokens", "jscpd yargs chai --min-lines 4 --min-tokens 35 --reporters console 2>&1", d,
        N_JSCPD)


TS_BASE = {"compilerOptions": {"target": "es2020", "module": "commonjs", "strict": True, "esModuleInterop": True,
                               "skipLibCheck": True, "outDir": "dist", "declaration": True}}


def tsconfigs(tmp: Path) -> None:
    a = tmp / "ts-api"
    write_tree(a, {"tsconfig.base.json": json.dumps(TS_BASE, indent=2),
                   "tsconfig.json": json.dumps({"extends": "./tsconfig.base.json", "compilerOptions": {
                       "rootDir": "src", "noUnusedLocals": True, "noImplicitReturns": True, "paths": {
                           "@app/*": ["./src/*"]}, "baseUrl": ".", "types": ["node"], "lib": ["es2022", "dom"]},
                       "include": ["src"], "exclude": ["**/*.spec.ts"]}, indent=2),
                   "src/index.ts": "export const port = 8080;\n", "src/util/clock.ts": "export const now = Date.now;\n"})
    cap("tsc-showconfig-ts-api", f"{JS25}/node_modules/.bin/tsc --showConfig", a, n_tsconfig,
        typed="npx tsc --showConfig")
    w = tmp / "ts-web"
    write_tree(w, {"tsconfig.json": json.dumps({"compilerOptions": {
        "target": "ES2022", "module": "ESNext", "moduleResolution": "bundler", "jsx": "react-jsx", "strict": True,
        "noEmit": True, "isolatedModules": True, "allowJs": True, "checkJs": False, "resolveJsonModule": True,
        "verbatimModuleSyntax": True, "noUncheckedIndexedAccess": True, "exactOptionalPropertyTypes": True,
        "lib": ["ES2022", "DOM", "DOM.Iterable"], "incremental": True, "tsBuildInfoFile": ".cache/tsbuildinfo"},
        "include": ["src", "vite.config.ts"], "files": ["env.d.ts"]}, indent=2),
        "src/main.tsx": "export {}\n", "env.d.ts": "declare const __APP__: string;\n", "vite.config.ts": "export {}\n"})
    lib = tmp / "ts-lib"
    write_tree(lib, {"tsconfig.json": json.dumps({"compilerOptions": {
        "composite": True, "target": "ES2019", "module": "Node16", "moduleResolution": "Node16", "declarationMap": True,
        "sourceMap": True, "rootDir": "src", "outDir": "lib", "strict": True, "noFallthroughCasesInSwitch": True,
        "importHelpers": True, "stripInternal": True}, "include": ["src/**/*.ts"],
        "references": [{"path": "../ts-api"}]}, indent=2), "src/index.ts": "export const v = 1;\n"})
    cap("tsc-showconfig-ts-lib", f"{JS25}/node_modules/.bin/tsc --showConfig", lib, n_tsconfig,
        typed="npx tsc --showConfig")
    cap("tsc-showconfig-ts-web", f"{JS25}/node_modules/.bin/tsc -p . --showConfig", w, n_tsconfig,
        typed="npx tsc -p . --showConfig")


MAPVIEWER_PKG = {"name": "mapviewer", "version": "0.8.0", "private": True, "license": "MIT",
                 "dependencies": {"picocolors": "^1.0.0", "kleur": "^4.1.5", "p-limit": "^3.1.0", "dayjs": "^1.11.10",
                                  "nanoid": "^3.3.7", "leaflet": "^1.9.4", "proj4": "^2.11.0"},
                 "devDependencies": {"tap-spec": "^5.0.0"}}


def yarn(tmp: Path) -> None:
    d = tmp / "mapviewer"
    write_tree(d, {"package.json": json.dumps(MAPVIEWER_PKG, indent=2),
                   ".yarnrc": 'registry "https://registry.npmjs.org/"\n'})
    yenv = {"YARN_CACHE_FOLDER": str(tmp / "yarn-cache")}
    run(f"{JS24}/node_modules/.bin/yarn install --non-interactive --no-progress", cwd=d, env=yenv, timeout=600)
    cap("yarn-list-mapviewer", "yarn list --no-progress 2>&1", d, N_YARN_LIST, env=yenv)
    cap("yarn-list-depth0-mapviewer", "yarn list --depth=0 --no-progress 2>&1", d, N_YARN_LIST, env=yenv)
    cap("license-checker-csv-mapviewer", "license-checker --csv 2>&1", d, N_LICENSE_CHECKER)
    cap("license-checker-csv-vitest-tools", "license-checker --csv --production 2>&1 | head -n 700", JS25,
        N_LICENSE_CHECKER)


BROKEN = {
    "cfg/tiles.json": '{\n  "minZoom": 2,\n  "maxZoom": 19,\n  "attribution": "(c) contributors",\n}\n',
    "cfg/layers.json": '[\n  {"id": "roads", "visible": true},\n  {"id": "rail", "visible": false}\n  {"id": "water"}\n]\n',
    "cfg/theme.json": '{\n  "primary": "#0a6",\n  "fonts": ["Inter", "Noto Sans"],\n  "radius": 4px\n}\n',
    "cfg/ok.json": '{\n  "name": "mapviewer",\n  "debug": false\n}\n',
    "cfg/i18n.json": '{\n  "en": {"zoom_in": "Zoom in"},\n  "fr": {"zoom_in": "Zoomer"},\n  // todo: de\n}\n',
    "cfg/sources.json": '{\n  "osm": {"url": "https://tile.example.org/{z}/{x}/{y}.png", "maxZoom": 19},\n'
                        '  "sat": {"url": "https://sat.example.org/{z}/{x}/{y}.jpg", "maxZoom": 18}}\n}\n',
}


def jsonlint(tmp: Path) -> None:
    c = tmp / "mapcfg"
    write_tree(c, BROKEN)
    for k in range(1, 9):
        write_tree(c, {f"cfg/markers-{k}.json": "[\n" + ",\n".join(
            f'  {{"id": {i}, "lat": {52 + i / 100:.2f}, "lon": {4 + i / 100:.2f}, "label": "stop {i}"}}'
            for i in range(k * 9)) + ("\n  \"extra\"\n]\n" if k in (3, 7) else "\n]\n")})
    link(c)
    cap("jsonlint-mapcfg-loop", 'for f in cfg/*.json; do echo "== $f"; npx jsonlint -q "$f"; done 2>&1', c,
        n_jsonlint)
    words = ["zoom_in", "zoom_out", "search", "layers", "share", "print", "measure", "locate", "settings", "help"]
    for k, lang in enumerate(("en", "nl", "de", "fr", "es", "it", "pl", "sv", "da", "fi", "pt", "cs")):
        body = ",\n".join(f'  "{w}": "{lang}:{w.replace("_", " ")}"' for w in words)
        if k in (2, 9):
            body = body.replace('"search": ', "search: ")  # unquoted keys, as a hand edit leaves them
        if k == 6:
            body += ","  # a trailing comma
        if k == 10:
            body = body.replace('"print": "pt:print"', '"print": "pt:"imprimir""')
        write_tree(c, {f"locales/{lang}.json": "{\n" + body + "\n}\n"})
    cap("jsonlint-locales-loop", 'for f in locales/*.json; do echo "== $f"; npx jsonlint -q "$f"; done 2>&1', c,
        n_jsonlint)


STEPS = [runners, sources, tsconfigs, yarn, jsonlint]
