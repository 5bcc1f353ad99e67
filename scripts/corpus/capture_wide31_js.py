"""Round 31, the Node tools new to the corpus: npm-check-updates against the registry, nyc report and jest
--coverage on a small 'parcel-rates' library written here with bugs and failing tests put in, webpack 5's --json
stats of a build with errors and warnings, bun build of a broken entry and bun install, attw on a package with its
types misdeclared, and yarn 4 (berry, from the npm registry) installing with peer warnings. Rules: NEEDLES.md (rules
1-4, and "Round 31" for the kind values). Run through capture_wide31.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import named, run, write_tree
from capture_wide24 import diag, tests
from capture_wide31 import JS, add, cap

cm.PREFIX = "wide31-"
BIN = JS / "node_modules" / ".bin"

OLD_DEPS = {"express": "^3.21.2", "lodash": "^3.10.1", "react": "^15.6.2", "react-dom": "^15.6.2",
            "moment": "^2.18.0", "axios": "^0.18.0", "chalk": "^2.4.2", "commander": "^2.20.0",
            "debug": "^2.6.9", "uuid": "^3.4.0", "yargs": "^12.0.5", "glob": "^7.1.2", "rimraf": "^2.7.1",
            "mkdirp": "^0.5.1", "minimist": "^1.2.0", "semver": "^5.7.1", "body-parser": "^1.18.3",
            "cookie-parser": "~1.4.3", "dotenv": "^6.2.0", "mongoose": "^5.13.0", "redis": "^3.1.2",
            "jsonwebtoken": "^8.5.1", "bcrypt": "^3.0.0", "helmet": "^3.23.3", "cors": "^2.8.5",
            "nodemailer": "^6.9.0", "ws": "^7.5.9", "marked": "^0.7.0", "left-pad": "1.3.0",
            "is-number": "7.0.0", "ms": "^2.1.3"}
OLD_DEV = {"webpack": "^4.46.0", "webpack-cli": "^3.3.12", "babel-loader": "^8.0.0", "eslint": "^5.16.0",
           "mocha": "^6.2.3", "chai": "^4.2.0", "nyc": "^14.1.1", "typescript": "~3.9.10", "prettier": "1.19.1",
           "jest": "^24.9.0", "husky": "^4.3.8", "nodemon": "^1.19.4", "@types/node": "^12.20.55"}


N_NCU = diag(
    "npm-check-updates", "pkg", "ncu: every package row (name, current range, new range) and the closing 'Run ncu "
    "-u' hint; rule 5 (NEEDLES.md round 31).", values=r"→|^Run ncu|^Checking |All dependencies match")


def coverage_table(lines: list[str]) -> list:
    """An istanbul text table (nyc report, jest --coverage): the header row, the 'All files' row, the rows holding
    each percentage column's minimum, every row below 50% statements; rule 4 (NEEDLES.md round 31)."""
    out, rows = [], []
    for ln in lines:
        parts = [p.strip() for p in ln.split("|")]
        if len(parts) >= 5 and parts[1].startswith("% Stmts"):
            out.append(ln)
        elif len(parts) >= 5 and re.match(r"^[\d.]+$", parts[1] or "x"):
            if parts[0] == "All files":
                out.append(ln)
            else:
                rows.append((ln, [float(p) for p in parts[1:5] if re.match(r"^[\d.]+$", p)]))
    for c in range(4):
        vals = [(v[c], ln) for ln, v in rows if len(v) > c]
        if vals:
            out.append(min(vals)[1])
    out += [ln for ln, v in rows if v and v[0] < 50]
    return out


N_NYC = named("nyc-report", "table", coverage_table.__doc__, coverage_table)


def jest_coverage(lines: list[str]) -> list:
    """jest --coverage: rule 2 (every '●' failure header, its first Expected/Received/Error line, the Tests: /
    Test Suites: summaries) and the coverage table as nyc report's rule 4 (NEEDLES.md round 31)."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\s+● ", ln) and "›" in ln:
            out.append(ln)
            out.append(cm.next_match(lines, i, r"Expected|Received|Error|thrown|toBe|toEqual", 12))
        if re.match(r"^(Tests|Test Suites):\s", ln) or re.match(r"^FAIL ", ln):
            out.append(ln)
    return out + coverage_table(lines)


N_JEST_COVERAGE = named("jest-coverage", "test", jest_coverage.__doc__, jest_coverage)

N_WEBPACK_JSON = diag(
    "webpack-stats-json", "build", "webpack --json: every error and warning \"message\" line with its "
    "\"moduleName\" / \"loc\", every emitted asset's \"name\" line, the errorsCount / warningsCount lines; rules 1,3 "
    "(NEEDLES.md round 31).", err=r'^\s*"(message|moduleName|loc)": "', summary=r'"(errorsCount|warningsCount)": ',
    values=r'^\s{6}"name": "[\w./-]+\.(js|map|css)"')

N_BUN_BUILD = diag(
    "bun-build", "build", "bun build: every error / warning line with its file:line:col location line, the closing "
    "count or bundle summary; rules 1,3 (NEEDLES.md round 31).", err=r"^(error|warn(ing)?): ",
    loc=r"^\s*at \S+:\d+:\d+|\S+\.(ts|js|tsx):\d+:\d+", summary=r"^\d+ (error|warning)|Bundled \d+ module")

N_BUN_INSTALL = diag(
    "bun-install", "pkg", "bun install: every error / warn line, every '+ name@version' line of a direct "
    "dependency, the 'N packages installed' summary; rules 1,3,5.", err=r"^(error|warn): ",
    values=r"^\+ ", summary=r"packages? installed|^Saved lockfile")

N_ATTW = diag(
    "attw", "pkg", "attw: every problem line (the emoji / ❌ / ⚠️ rows and their explanation lines), the table "
    "header, the verdict; rules 1,5 (NEEDLES.md round 31).",
    err=r"❌|⚠️|💀|🥴|🐛|🎭|👺|❗️|No types|Masquerading|Resolution failed|CJS|ESM", summary=r"^No problems found|problems")

N_YARN_BERRY = diag(
    "yarn-berry-install", "pkg", "yarn 4 install: every YN error line (➤ YN… saying error, failed, not found or forbidden), peer "
    "warnings one {\"any\"} per YN code, the 'Done' / 'Failed' closing line; rules 1,3.",
    err=r"YN\d{4}: .*(?i:error|failed|couldn't|not found|forbidden)|^Usage Error", warn=r"YN(0002|0060|0086|0061|0032)",
    wkey=r"(YN\d{4})", summary=r"Done with warnings|Done in|Failed with errors")

PARCEL_SRC = {
    "zones.js": '''const ZONES = {GB: 1, IE: 2, FR: 2, DE: 2, NL: 2, ES: 3, IT: 3, US: 4, CA: 4, AU: 5};
function zoneOf(country) {
  const z = ZONES[country.toUpperCase()];
  if (z === undefined) throw new Error(`no zone for ${country}`);
  return z;
}
function isDomestic(country) { return zoneOf(country) === 1; }
function isEU(country) { return [2, 3].includes(zoneOf(country)); }
module.exports = { zoneOf, isDomestic, isEU, ZONES };
''',
    "weight.js": '''function volumetric(l, w, h) { return (l * w * h) / 5000; }
function chargeable(kg, dims) {
  if (!dims) return kg;
  const v = volumetric(dims.l, dims.w, dims.h);
  // slip: rounds the volumetric weight down instead of up
  return Math.max(kg, Math.floor(v * 2) / 2);
}
function band(kg) {
  if (kg <= 0) throw new RangeError('weight must be positive');
  if (kg <= 1) return 'S';
  if (kg <= 5) return 'M';
  if (kg <= 20) return 'L';
  if (kg <= 30) return 'XL';
  throw new RangeError(`too heavy: ${kg} kg`);
}
module.exports = { volumetric, chargeable, band };
''',
    "rates.js": '''const { zoneOf } = require('./zones');
const { chargeable, band } = require('./weight');
const TABLE = { S: [3.2, 7.5, 9.9, 14.0, 18.5], M: [5.1, 11.0, 14.5, 22.0, 29.0],
  L: [9.8, 19.0, 26.0, 41.0, 55.0], XL: [14.5, 31.0, 39.0, 66.0, 89.0] };
function price(kg, country, opts = {}) {
  const w = chargeable(kg, opts.dims);
  const row = TABLE[band(w)];
  let p = row[zoneOf(country) - 1];
  if (opts.signed) p += 1.5;
  if (opts.insured) p += Math.max(2, opts.value * 0.015);
  // slip: the Saturday surcharge applies on every day
  if (opts.day !== undefined) p += 2.5;
  return Math.round(p * 100) / 100;
}
function quote(parcels, country, opts) {
  return parcels.reduce((s, kg) => s + price(kg, country, opts), 0);
}
module.exports = { price, quote, TABLE };
''',
    "labels.js": '''function postcode(country, code) {
  if (country === 'GB') return /^[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}$/i.test(code);
  if (country === 'US') return /^\\d{5}(-\\d{4})?$/.test(code);
  if (country === 'DE' || country === 'FR' || country === 'ES' || country === 'IT') return /^\\d{5}$/.test(code);
  if (country === 'NL') return /^\\d{4} ?[A-Z]{2}$/.test(code);
  return true;
}
function label(p) {
  const lines = [p.name.toUpperCase(), p.street, `${p.town} ${p.postcode}`, p.country];
  if (p.flat) lines.splice(1, 0, `Flat ${p.flat}`);
  return lines.join('\\n');
}
function barcode(id) {
  let sum = 0;
  for (let i = 0; i < id.length; i++) sum += id.charCodeAt(i) * (i % 2 ? 3 : 1);
  return `${id}${sum % 10}`;
}
module.exports = { postcode, label, barcode };
''',
    "customs.js": '''function needsDeclaration(from, to) { return from !== to && !(isEU(from) && isEU(to)); }
function isEU(c) { return ['IE', 'FR', 'DE', 'NL', 'ES', 'IT'].includes(c); }
function duty(value, to) {
  if (to === 'US') return value > 800 ? value * 0.05 : 0;
  if (to === 'AU') return value > 1000 ? value * 0.1 : 0;
  if (to === 'CA') return value > 150 ? value * 0.08 : 0;
  return value > 150 ? value * 0.2 : 0;
}
function cn22(items) {
  const total = items.reduce((s, i) => s + i.value * i.qty, 0);
  if (total > 270) return 'CN23';
  return 'CN22';
}
module.exports = { needsDeclaration, duty, cn22 };
''',
    "tracking.js": '''const STATES = ['created', 'collected', 'sorting', 'in_transit', 'out_for_delivery', 'delivered'];
function advance(s) {
  const i = STATES.indexOf(s);
  if (i < 0) throw new Error(`unknown state ${s}`);
  return STATES[Math.min(i + 1, STATES.length - 1)];
}
function eta(state, zone) {
  const left = STATES.length - 1 - STATES.indexOf(state);
  return left * (zone > 3 ? 2 : 1);
}
function history(events) { return events.map((e) => `${e.at} ${e.state}`).join('\\n'); }
function late(events, promisedDays) { return events.length > promisedDays + 2; }
module.exports = { advance, eta, history, late, STATES };
''',
}

PARCEL_TESTS = '''const { price, quote } = require('../src/rates');
const { chargeable, band } = require('../src/weight');
const { zoneOf, isEU } = require('../src/zones');
const { postcode } = require('../src/labels');

describe('weight', () => {
  test('bands', () => { expect(band(0.5)).toBe('S'); expect(band(3)).toBe('M'); expect(band(25)).toBe('XL'); });
  test('volumetric weight rounds up to the half kilo', () => {
    expect(chargeable(1, { l: 40, w: 30, h: 21 })).toBe(5.5);
  });
  test('too heavy', () => { expect(() => band(31)).toThrow('too heavy'); });
});

describe('zones', () => {
  test('GB is zone 1', () => { expect(zoneOf('gb')).toBe(1); });
  test('EU', () => { expect(isEU('FR')).toBe(true); expect(isEU('US')).toBe(false); });
  test('unknown country', () => { expect(zoneOf('XX')).toBe(0); });
});

describe('rates', () => {
%CASES%
  test('Saturday surcharge only on Saturdays', () => { expect(price(2, 'GB', { day: 3 })).toBe(5.1); });
  test('quote of three parcels', () => { expect(quote([1, 2, 3], 'FR')).toBeCloseTo(29.5, 2); });
  test('insured minimum', () => { expect(price(1, 'GB', { insured: true, value: 10 })).toBe(5.2); });
});

describe('labels', () => {
  test('GB postcode', () => { expect(postcode('GB', 'TQ5 9AB')).toBe(true); });
  test('NL postcode with lower case', () => { expect(postcode('NL', '1234 ab')).toBe(true); });
});
'''


def parcel_project(root: Path, seed: int = 31) -> Path:
    if root.exists():
        return root
    rnd = random.Random(seed)
    table = {"S": [3.2, 7.5, 9.9, 14.0, 18.5], "M": [5.1, 11.0, 14.5, 22.0, 29.0]}
    cases = []
    for i in range(24):
        kg = rnd.choice([0.5, 0.8, 2, 3.5, 4.9])
        c = rnd.choice(["GB", "FR", "ES", "US", "AU"])
        z = {"GB": 1, "FR": 2, "ES": 3, "US": 4, "AU": 5}[c]
        want = table["S" if kg <= 1 else "M"][z - 1]
        if i in (7, 16):
            want = round(want + 0.4, 2)  # two cases copied wrongly from the rate card
        cases.append(f"  test('price {kg} kg to {c} (case {i})', () => {{ expect(price({kg}, '{c}')).toBe({want}); }});")
    files = {f"src/{k}": v for k, v in PARCEL_SRC.items()}
    for n, c in enumerate(["surcharges", "pickup", "returns", "lockers", "pallets", "bulk", "fuel", "remote"]):
        fns = []
        for j in range(rnd.randint(3, 7)):
            k = rnd.randint(2, 9)
            fns.append(f"function {c}Rule{j}(x, y) {{\n  if (x > {k}) return x * {k / 10:.1f};\n"
                       f"  if (y && y.flag) {{ return {k} + (y.extra || 0); }}\n  return x;\n}}")
        names = ", ".join(f"{c}Rule{j}" for j in range(len(fns)))
        files[f"src/extra/{c}.js"] = "\n".join(fns) + f"\nmodule.exports = {{ {names} }};\n"
        if n % 3 == 0:
            files["test/run.js"] = files.get("test/run.js", "") + f"require('../src/extra/{c}').{c}Rule0({n}, {{flag: true}});\n"
    files["test/rates.test.js"] = PARCEL_TESTS.replace("%CASES%", "\n".join(cases))
    files["test/run.js"] = files.get("test/run.js", "") + ("const assert = require('node:assert');\nconst r = require('../src/rates');\n"
                            "const l = require('../src/labels');\nconst t = require('../src/tracking');\n"
                            "assert.strictEqual(r.price(1, 'GB'), 3.2);\nassert.ok(l.postcode('US', '12345'));\n"
                            "assert.strictEqual(t.advance('created'), 'collected');\nconsole.log('smoke ok');\n")
    files["package.json"] = json.dumps({"name": "parcel-rates", "version": "2.1.0", "private": True,
                                        "main": "src/rates.js", "scripts": {"test": "jest"},
                                        "jest": {"collectCoverageFrom": ["src/**/*.js"]}}, indent=2)
    write_tree(root, files)
    (root / "node_modules").symlink_to(JS / "node_modules")
    return root


def ncu(tmp: Path) -> None:
    d = tmp / "oldapp"
    write_tree(d, {"package.json": json.dumps({"name": "harbour-office", "version": "0.9.0", "private": True,
                                               "dependencies": OLD_DEPS, "devDependencies": OLD_DEV}, indent=2)})
    cap("ncu-harbour-office", "ncu 2>&1", d, N_NCU, timeout=300)
    cap("ncu-harbour-office-group", "ncu --format group 2>&1", d, N_NCU, timeout=300)


def coverage(tmp: Path) -> None:
    p = parcel_project(tmp / "parcel-rates")
    run(f"{BIN / 'nyc'} --silent node test/run.js", cwd=p, timeout=120)
    cap("nyc-report-parcel", "npx nyc report --reporter=text 2>&1", p, N_NYC, timeout=120)
    cap("jest-coverage-parcel", "npx jest --coverage --ci 2>&1", p, N_JEST_COVERAGE, timeout=300)


WEBPACK_CONFIG = '''const path = require('path');
module.exports = {
  mode: 'production',
  entry: { app: './src/app.js', admin: './src/admin.js' },
  output: { path: path.resolve(__dirname, 'dist'), filename: '[name].[contenthash:8].js' },
  devtool: 'source-map',
  performance: { hints: 'warning', maxAssetSize: 20000, maxEntrypointSize: 30000 },
  stats: { preset: 'normal', modules: false, chunks: false, chunkModules: false, reasons: false, source: false,
           children: false, moduleTrace: true, errorDetails: true },
};
'''


def bundlers(tmp: Path) -> None:
    w = parcel_project(tmp / "parcel-web")
    big = "\n".join(f"export const row{i} = {{code: 'P{i:04d}', rate: {i * 1.37:.2f}, label: 'rate card row {i} "
                    f"{'x' * 40}'}};" for i in range(900))
    write_tree(w, {"webpack.config.js": WEBPACK_CONFIG, "src/table.js": big,
                   "src/app.js": "import * as table from './table';\nimport { price } from './rates';\n"
                                 "import { format } from './format';\nimport dayjs from 'dayjs';\n"
                                 "export function show(kg) { return format(price(kg, 'GB')) + table.row1.code; }\n"
                                 "console.log(show(2), dayjs, Object.keys(table).length);\n",
                   "src/admin.js": "import { quote } from './rates';\nimport { label } from './labels.js';\n"
                                   "import { missing } from './zones';\nconst a = quote([1, 2], 'FR');\n"
                                   "console.log(a, label, missing;\n",
                   "src/legacy.js": "require('./tracking' + process.env.VARIANT);\n"})
    (w / "src/app.js").write_text((w / "src/app.js").read_text() + "require('./tracking' + process.env.VARIANT);\n")
    cap("webpack-json-parcel", "npx webpack --json 2>&1 | jq .", w, N_WEBPACK_JSON, timeout=300)
    w2 = tmp / "rate-card"  # builds, but past the size budget and with a dynamic require: warnings only
    write_tree(w2, {"webpack.config.js": WEBPACK_CONFIG.replace("admin: './src/admin.js'", "card: './src/card.js'"),
                    "src/table.js": big, "src/app.js": "import * as table from './table';\n"
                    "console.log(Object.keys(table).length);\nconst v = process.env.VARIANT;\n"
                    "require('./variants/' + v);\n", "src/variants/a.js": "module.exports = 'a';\n",
                    "src/card.js": "import { row1, row2 } from './table';\nimport { row9999 } from './table';\n"
                    "export default [row1, row2, row9999];\n"})
    (w2 / "node_modules").symlink_to(JS / "node_modules")
    cap("webpack-json-rate-card", "npx webpack --json 2>&1 | jq .", w2, N_WEBPACK_JSON, timeout=300)
    b = tmp / "bunapp"
    write_tree(b, {"package.json": json.dumps({"name": "tide-board", "version": "0.1.0", "type": "module"}),
                   "src/index.ts": "import { render } from './render';\nimport { fetchTides } from './api';\n"
                                   "import chalk from 'chalk';\nimport type { Tide } from './types';\n"
                                   "const tides: Tide[] = await fetchTides('Brixham');\nrender(tides);\n",
                   "src/render.ts": "export function render(t) {\n  for (const x of t) {\n    console.log(x.time, "
                                    "x.height.toFixed(2);\n  }\n}\nexport const unused = <div>tide</div>;\n",
                   "src/api.ts": "import { BASE } from './config';\nimport { parse } from 'csv-parse/sync';\n"
                                 "export async function fetchTides(port: string) {\n  const r = await fetch(`${BASE}/"
                                 "${port}`);\n  return parse(await r.text(), { columns: true });\n}\n"
                                 "export default function() { return 1 }\nexport default function() { return 2 }\n",
                   "src/types.ts": "export interface Tide { time: string; height: number }\n"})
    cap("bun-build-tide-board", "bun build src/index.ts --outdir dist --target bun 2>&1", b, N_BUN_BUILD, timeout=120)
    i = tmp / "buninstall"
    write_tree(i, {"package.json": json.dumps({"name": "tide-api", "version": "0.2.0", "dependencies": {
        "express": "^4.21.0", "zod": "^3.23.8", "dayjs": "^1.11.13", "pino": "^9.5.0", "undici": "^6.20.0",
        "lodash-es": "^4.17.21", "nanoid": "^5.0.7", "left-pad": "^1.3.0", "request": "^2.88.2",
        "@types/express": "^4.17.21", "chalk": "^5.3.0",
        "commander": "^12.1.0", "ws": "^8.18.0", "fastify": "^5.0.0", "ioredis": "^5.4.1", "date-fns": "^4.1.0",
        "sharp": "^0.33.5", "axios": "^1.7.7", "jsonwebtoken": "^9.0.2", "uuid": "^10.0.0"}, "peerDependencies": {
        "react": "^18.0.0"}, "trustedDependencies": []}, indent=2)})
    cap("bun-install-tide-api", "bun install 2>&1", i, N_BUN_INSTALL, timeout=300,
        env={"BUN_INSTALL_CACHE_DIR": str(tmp / "bun-cache")})


def attw_pkg(tmp: Path) -> None:
    a = tmp / "tide-types"
    write_tree(a, {"package.json": json.dumps({
        "name": "tide-types", "version": "1.0.0", "main": "./dist/index.cjs", "module": "./dist/index.mjs",
        "types": "./dist/index.d.ts", "exports": {".": {"import": "./dist/index.mjs", "require": "./dist/index.cjs",
                                                         "types": "./dist/index.d.ts"},
                                                   "./tables": {"import": "./dist/tables.mjs",
                                                                "types": "./dist/tables.d.mts"},
                                                   "./legacy": "./dist/legacy.js"}}, indent=2),
                   "dist/index.cjs": "exports.height = (t) => t.h;\n",
                   "dist/index.mjs": "export const height = (t) => t.h;\nexport default height;\n",
                   "dist/index.d.ts": "export declare const height: (t: {h: number}) => number;\n"
                                      "export default height;\n",
                   "dist/tables.mjs": "export const table = [];\n",
                   "dist/legacy.js": "module.exports = { old: true };\n"})
    cap("attw-tide-types", "attw --pack . 2>&1", a, N_ATTW, timeout=300)


def yarn_berry(tmp: Path) -> None:
    y = tmp / "yarnapp"
    write_tree(y, {"package.json": json.dumps({"name": "quay-dashboard", "version": "0.3.0", "private": True,
                                               "packageManager": "yarn@4.18.1",
                                               "dependencies": {"react-redux": "^9.1.2", "react": "^17.0.2",
                                                                "@testing-library/react": "^16.0.1",
                                                                "styled-components": "^6.1.13", "lodash": "^4.17.21",
                                                                "chart.js": "^4.4.4", "react-chartjs-2": "^5.2.0",
                                                                "typescript-eslint": "^8.8.0",
                                                                "@mui/material": "^6.1.3", "formik": "^2.4.6",
                                                                "react-router-dom": "^6.27.0", "recharts": "^2.13.0",
                                                                "@storybook/react": "^8.3.5", "eslint-plugin-react": "^7.37.1"}}, indent=2),
                   ".yarnrc.yml": "npmRegistryServer: \"https://registry.npmjs.org\"\nnodeLinker: node-modules\n"
                                  "enableTelemetry: false\nenableGlobalCache: false\n",
                   "yarn.lock": ""})
    cap("yarn-berry-install-quay", "yarn install 2>&1", y, N_YARN_BERRY, timeout=400,
        env={"YARN_ENABLE_PROGRESS_BARS": "0", "COREPACK_ENABLE_STRICT": "0"})


STEPS = [ncu, coverage, bundlers, attw_pkg, yarn_berry]
