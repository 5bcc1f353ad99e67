#!/usr/bin/env python3
"""Capture round 380 of the compression corpus: second samples of round 372's front-end build and check kinds
(lightningcss, stylus, cleancss -d, quick-lint-js, dpdm, tsd, sherif, lit-analyzer, Eleventy's build,
source-map-explorer --tsv, rsbuild build, browserslist), run offline on `hothouse`, a botanical garden's web app
(glasshouses, beds, plant labels) written here with other faults than round 372's. No new rules: every extractor is
round 372's, imported from capture_wide372 (NEEDLES.md's "Round 380"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide380.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide380.json  as {"version": 2, "items": [...]}, ids prefixed "wide380-".
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
import capture_wide372 as w372  # noqa: E402

# Round 372's tools, same versions, in this round's own scratch project (NEEDLES.md's "Round 380").
w372.TOOLS = Path(os.environ.get("HM_WIDE380_TOOLS", "/dev/shm/hm-corpus-wide380/tools"))

from capture_wide372 import (n_browserslist, n_cleancss, n_dpdm, n_eleventy, n_lightningcss,  # noqa: E402
                             n_lit_analyzer, n_quick_lint, n_rsbuild, n_sherif, n_sme_tsv, n_stylus, n_tsd)

ID_PREFIX = "wide380-"
DEFAULT_OUT = HERE / "data" / "wide380.json"
TMP = Path(os.environ.get("HM_WIDE380_TMP", "/dev/shm/hm-corpus-wide380-run"))

_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

SEED = 38010
HOUSES = ["Palm House", "Temperate House", "Alpine House", "Fern House", "Cactus House", "Orchid House",
          "Waterlily House", "Victoria House", "Carnivore House", "Tropical Nursery"]
PLANTS = ["monstera", "nepenthes", "victoria", "welwitschia", "sarracenia", "banksia", "cycas", "dionaea",
          "echeveria", "aloe", "begonia", "strelitzia", "vanilla", "cattleya", "dicksonia", "encephalartos"]


def slug(i: int) -> str:
    return f"{PLANTS[i % len(PLANTS)]}-{i:02d}"


def rng(k: int) -> random.Random:
    return random.Random(SEED + k)


def run_cap(item_id: str, command: str, cwd: Path, extractor, timeout: int = 300) -> None:
    cap(item_id, command, cwd, extractor, timeout=timeout, env=w372.tool_env())


app_dir = w372.app_dir


# --- CSS: lightningcss and clean-css

def gen_css(n: int, faults: str, start: int = 0, nest: bool = True, k: int = 0) -> str:
    r = rng(k)
    out = [":root {\n  --leaf: oklch(62% 0.17 145);\n  --soil: #4a3521;\n  --glass: color-mix(in srgb, white 70%, "
           "var(--leaf));\n}\n"]
    for i in range(start, start + n):
        s = slug(i)
        h = r.randrange(20, 90)
        inner = (f"  & .label {{\n    font-variant-caps: small-caps;\n    inset-block: {i % 6}px;\n  }}\n" if nest
                 else "")
        out.append(f".bed-{s} {{\n  display: grid;\n  min-height: {h}vh;\n  clip-path: inset({i % 9}px round 4px);\n"
                   f"  background: lch(70% {i % 50} {r.randrange(0, 360)});\n  appearance: none;\n{inner}}}\n")
        if i % 4 == 0:
            out.append(f"@container house (min-width: {300 + i * 12}px) {{\n  .label-{s} {{\n"
                       f"    font-size: clamp(12px, {1 + i % 3}vw, 20px);\n    hyphens: auto;\n  }}\n}}\n")
        if i % 5 == 1:
            out.append(f"@layer glasshouse.{PLANTS[i % 16]} {{\n  .pane-{i} {{\n    backdrop-filter: saturate("
                       f"{i % 4 + 1});\n    transition: opacity {r.randrange(80, 600)}ms;\n  }}\n}}\n")
        if i % 6 == 2:
            out.append(f"@media (prefers-reduced-motion: no-preference) and (width >= {600 + i * 8}px) {{\n"
                       f"  .sprinkler-{s} {{\n    animation: drip-{i} {i % 5 + 1}s infinite;\n  }}\n}}\n"
                       f"@keyframes drip-{i} {{\n  0% {{ translate: 0 0; }}\n  100% {{ translate: 0 {i % 20}px; }}\n}}\n")
        if "sel" in faults and i % 9 == 4:
            out.append(f"..bed-{i} > .label {{ color: green; }}\n")
        if "pseudo" in faults and i % 10 == 7:
            out.append(f".tag-{s}:not(.wilted {{\n  opacity: .5;\n}}\n")
        if "at" in faults and i % 12 == 5:
            out.append(f"@container (min-width: ) {{\n  .bench-{i} {{ gap: 2px; }}\n}}\n"
                       f"@layer beds, ;\n@property --humidity-{i} {{\n  syntax: '<percentage';\n  inherits: maybe;\n}}\n")
        if "value" in faults and i % 8 == 3:
            out.append(f".vent-{s} {{\n  width: {i}pxx;\n  color: rgb(12 300);\n  margin: 0 auto auto auto auto;\n"
                       f"  border: solid 2px var(--soil;\n}}\n")
        if "brace" in faults and i % 14 == 6:
            out.append(f".potting-bench-{i} {{ padding: 4px;\n")
    return "".join(out)


def cap_lightningcss(tmp: Path) -> None:
    d = app_dir(tmp, "lightning")
    (d / "labels.css").write_text(gen_css(16, "sel pseudo at", k=1))
    (d / "palm-house.css").write_text(gen_css(60, "sel pseudo at value", 20, k=2))
    (d / "alpine.css").write_text(gen_css(30, "at", 100, k=3))
    (d / "fern.css").write_text(gen_css(170, "pseudo value", 200, k=4))
    (d / "tropical.css").write_text(gen_css(150, "", 400, k=5))
    parts = []
    for j, house in enumerate(HOUSES):
        name = house.lower().replace(" ", "-")
        (d / "houses").mkdir(exist_ok=True)
        (d / "houses" / f"{name}.css").write_text(gen_css(12, "value" if j % 3 == 1 else "", 600 + j * 12, k=10 + j))
        parts.append(f'@import "houses/{name}.css";')
    (d / "garden.css").write_text("\n".join(parts) + "\n" + gen_css(4, "", 800, k=30))
    run_cap("lightningcss-labels", "lightningcss --targets 'defaults' labels.css", d, n_lightningcss)
    run_cap("lightningcss-recovery-labels", "lightningcss --error-recovery --targets 'defaults' labels.css", d,
            n_lightningcss)
    run_cap("lightningcss-recovery-palm", "lightningcss --error-recovery --targets 'safari 13, firefox 78' "
            "palm-house.css", d, n_lightningcss)
    run_cap("lightningcss-recovery-alpine", "lightningcss --error-recovery --targets 'chrome 90' "
            "alpine.css", d, n_lightningcss)
    run_cap("lightningcss-recovery-fern", "lightningcss --error-recovery --targets 'ie 11, safari 11' fern.css", d,
            n_lightningcss)
    run_cap("lightningcss-targets-tropical", "lightningcss --targets 'chrome 80, safari 12, firefox 70' tropical.css",
            d, n_lightningcss)
    run_cap("lightningcss-bundle-garden", "lightningcss --bundle --error-recovery --targets 'safari 14' garden.css",
            d, n_lightningcss)


def cap_cleancss(tmp: Path) -> None:
    d = app_dir(tmp, "cleancss")
    (d / "css").mkdir(exist_ok=True)
    for j, house in enumerate(HOUSES[:8]):
        (d / "css" / f"{house.lower().replace(' ', '-')}.css").write_text(
            gen_css(10 + j * 3, "value brace" if j % 2 else "value", j * 40, nest=False, k=40 + j))
    (d / "css" / "beds.css").write_text('@import url(print/labels.css);\n@import url("tokens.css");\n'
                                        + gen_css(70, "brace", 500, nest=False, k=50))
    (d / "css" / "tokens.css").write_text(":root { --leaf: green; }\n.bed { margin: 0; margin-top: 4px; "
                                          "padding: 2px 2px 2px 2px; }\n")
    run_cap("cleancss-debug-houses", "cleancss -d -O2 --format beautify css/palm-house.css css/temperate-house.css "
            "css/alpine-house.css css/fern-house.css", d, n_cleancss)
    run_cap("cleancss-debug-inline-beds", "cleancss -d -O1 --inline all --format beautify css/beds.css", d,
            n_cleancss)
    run_cap("cleancss-debug-all-o2", "cleancss -d -O2 -o dist/garden.min.css css/*.css && head -c 3000 "
            "dist/garden.min.css", d, n_cleancss)


# --- stylus

def gen_styl(n: int, fault: str, k: int = 0) -> str:
    r = rng(k)
    out = ["leaf = #2e7d32\nsoil = #4a3521\nhumid = 80%\n\nlabel-tag(size)\n  if size > 14\n"
           "    warn('plant label too large for the stake: ' + size)\n  font-size unit(size, 'px')\n"
           "  border-left 3px solid leaf\n\n"]
    if fault == "block":
        out.append("mist(level)\n  if level > 90\n    error('misting at ' + level + '% would rot the orchid roots')\n"
                   "  opacity (level / 100)\n\n")
    for i in range(n):
        s = slug(i)
        out.append(f".bed-{s}\n  color lighten(leaf, {r.randrange(0, 40)}%)\n  label-tag({r.randrange(8, 18)})\n"
                   f"  min-height {r.randrange(20, 90)}vh\n")
        if fault == "block" and i == n - 4:
            out.append(f"  mist({91 + i % 8})\n")
        if fault == "undef" and i == n // 3:
            out.append(f"  width glasspane-width * {i % 5 + 2}\n")
        if fault == "indent" and i == n // 2:
            out.append(f"  .pane\n      padding {i}px\n    margin 0\n   color red\n")
        out.append(f"  .stake\n    border-radius {i % 6}px\n\n")
    return "".join(out)


def cap_stylus(tmp: Path) -> None:
    d = app_dir(tmp, "stylus")
    (d / "labels.styl").write_text(gen_styl(40, "", 60))
    (d / "orchids.styl").write_text(gen_styl(36, "block", 61))
    (d / "vents.styl").write_text(gen_styl(30, "undef", 62))
    (d / "benches.styl").write_text('@require "partials/irrigation"\n' + gen_styl(12, "", 63))
    sd = d / "houses"
    sd.mkdir(exist_ok=True)
    for j in range(24):
        fault = "indent" if j == 7 else "block" if j == 15 else ""
        (sd / f"house-{j:02d}.styl").write_text(gen_styl(5 + j, fault, 70 + j))
    run_cap("stylus-print-labels", "stylus --print labels.styl", d, n_stylus)
    run_cap("stylus-print-orchids", "stylus --print orchids.styl", d, n_stylus)
    run_cap("stylus-print-vents", "stylus --print vents.styl", d, n_stylus)
    run_cap("stylus-print-benches", "stylus --print benches.styl", d, n_stylus)
    run_cap("stylus-out-houses", "stylus -o out houses", d, n_stylus)


# --- quick-lint-js: TypeScript and JSX

QL_TS = """
import {{ waterBed{i}, MISTING }} from './irrigation';

interface Label{i} {{ latin: string; house: string; bed: number }}

export async function labels{i}(beds: number[]): Promise<Label{i}[]> {{
  const out: Label{i}[] = [];
  for (const bed of beds) {{
    {fault}
    out.push({{ latin: '{latin}', house: '{house}', bed }});
  }}
  return out;
}}
"""

QL_TS_FAULTS = ["MISTING = false;", "const bed = 3;", "out.push({ latin: 'x' house: 'y', bed });",
                "let n: number = ;", "function inner() { await waterBed{i}(bed); }", "if (bed = 4) { continue }",
                "", "out.forEach(l => { return l.bed = bed });", "enum Zone { A, B, }\n    const Zone = 1;",
                "waterBed{i} = () => 0;"]

QL_JSX = """
import {{ useState }} from 'react';

export function PlantLabel{i}({{ latin, common, bed }}) {{
  const [open, setOpen] = useState(false);
  {fault}
  return (
    <figure className="label" onClick={{() => setOpen(!open)}}>
      <figcaption><i>{{latin}}</i> ({{common}})</figcaption>
      <p>Bed {{bed}} in the {house}</p>
    </figure>
  );
}}
"""

QL_JSX_FAULTS = ["const a = <div><span></div>;", "open = true;", "const b = <p class=\"tag\">x</p>;",
                 "useEffect(() => { await fetch('/water') });", "let latin = 'x';", "",
                 "const c = <Stake>{bed</Stake>;", "setOpen(!open) setOpen(open);"]


def cap_quick_lint(tmp: Path) -> None:
    d = app_dir(tmp, "qljs")
    (d / "src").mkdir(exist_ok=True)
    for i in range(40):
        body = "".join(QL_TS.format(i=i * 10 + k, latin=f"{PLANTS[(i + k) % 16].title()} sp.",
                                    house=HOUSES[(i + k) % 10],
                                    fault=QL_TS_FAULTS[(i + k) % 10].replace("{i}", str(i * 10 + k)))
                       for k in range(2 + i % 4))
        (d / "src" / f"{slug(i)}.ts").write_text(body)
    for i in range(24):
        body = "".join(QL_JSX.format(i=i * 10 + k, house=HOUSES[(i + k) % 10],
                                     fault=QL_JSX_FAULTS[(i + k) % 8]) for k in range(2 + i % 3))
        (d / "src" / f"label-{i:02d}.jsx").write_text(body)
    run_cap("quick-lint-js-ts-few", "quick-lint-js --language=typescript src/monstera-00.ts src/nepenthes-01.ts "
            "src/victoria-02.ts", d, n_quick_lint)
    run_cap("quick-lint-js-ts-all", "quick-lint-js --language=typescript src/*.ts", d, n_quick_lint)
    run_cap("quick-lint-js-jsx", "quick-lint-js --language=javascript-jsx src/label-*.jsx", d, n_quick_lint)


# --- dpdm: bigger trees, longer cycles, dynamic imports

def gen_ts_tree(root: Path, n: int, k: int) -> None:
    r = rng(k)
    src = root / "src"
    dirs = ["houses", "beds", "labels", "irrigation"]
    for dd in dirs:
        (src / dd).mkdir(parents=True, exist_ok=True)
    mods = [f"{dirs[i % 4]}/{slug(i)}" for i in range(n)]
    main = [f"import {{ tend{i} }} from './{m}';" for i, m in enumerate(mods[: max(4, n // 4)])]
    main.append("export const rounds = [" + ", ".join(f"tend{i}" for i in range(max(4, n // 4))) + "];")
    (src / "main.ts").write_text("\n".join(main) + "\n")
    (src / "garden.ts").write_text("import { clock } from './clock';\nexport const GARDEN = { opened: clock() };\n")
    (src / "clock.ts").write_text("import { GARDEN } from './garden';\nexport const clock = () => Date.now();\n"
                                  "export const since = () => Date.now() - GARDEN.opened;\n")
    for i, m in enumerate(mods):
        up = "../"
        imps = [f"import {{ GARDEN }} from '{up}garden';"]
        used = []
        for dj in (2, 5):
            if i + dj < n:
                imps.append(f"import {{ tend{i + dj} }} from '{up}{mods[i + dj]}';")
                used.append(f"tend{i + dj}")
        if i % 7 == 6:
            back = i - r.randrange(4, 7)
            imps.append(f"import {{ tend{back} }} from '{up}{mods[back]}';")
            used.append(f"tend{back}")
        dyn = ""
        if i % 5 == 3 and i >= 3:
            dyn = f"export const later{i} = () => import('{up}{mods[i - 3]}').then((x) => x.tend{i - 3});\n"
        if i % 8 == 5:
            imps.append(f"import {{ sensor }} from '{up}sensors/humidity-{i}';")
            used.append("sensor")
        if i % 9 == 0:
            imps.append("import { LitElement } from 'lit';")
            used.append("LitElement")
        body = (f"export function tend{i}(ml: number): number {{ return GARDEN.opened + ml + {i}; }}\n"
                f"export const next{i} = [{', '.join(used)}];\n" + dyn)
        (src / f"{m}.ts").write_text("\n".join(imps) + "\n" + body)


def cap_dpdm(tmp: Path) -> None:
    mid, big, huge = app_dir(tmp, "dpdm-mid"), app_dir(tmp, "dpdm-big"), app_dir(tmp, "dpdm-huge")
    gen_ts_tree(mid, 28, 80)
    gen_ts_tree(big, 70, 81)
    gen_ts_tree(huge, 160, 82)
    run_cap("dpdm-exit-code-mid", "dpdm --no-tree --circular --warning --exit-code circular:1 src/main.ts", mid,
            n_dpdm)
    run_cap("dpdm-tree-mid", "dpdm --skip-dynamic-imports tree src/main.ts", mid, n_dpdm)
    run_cap("dpdm-skip-dynamic-big", "dpdm --no-tree --circular --warning --skip-dynamic-imports circular "
            "'src/**/*.ts'", big, n_dpdm)
    run_cap("dpdm-transform-huge", "dpdm -T --no-tree --circular --warning 'src/**/*.ts'", huge, n_dpdm)


# --- tsd

TSD_DTS = """
export interface Plant { latin: string; common?: string; house: 'palm' | 'temperate' | 'alpine' | 'fern' }
export interface Bed<T extends Plant = Plant> { id: number; plants: T[]; litresPerDay: number }
export declare function label(p: Plant): string;
export declare function label(p: Plant, lang: 'la' | 'en'): string;
export declare function plant<T extends Plant>(bed: Bed<T>, p: T): Bed<T>;
export declare function water(bed: Bed, litres: number): Promise<number>;
/** @deprecated use water() */
export declare function irrigate(bed: Bed): void;
export declare function fail(msg: string): never;
export declare function byHouse<H extends Plant['house']>(h: H): Array<Plant & { house: H }>;
"""


def gen_tsd_test(n: int, k: int) -> str:
    r = rng(k)
    out = ["import { expectType, expectError, expectAssignable, expectNotAssignable, expectNever, expectDeprecated,"
           " expectNotDeprecated } from 'tsd';",
           "import { label, plant, water, irrigate, fail, byHouse, Plant, Bed } from '.';", ""]
    houses = ["palm", "temperate", "alpine", "fern", "desert"]
    for i in range(n):
        p = PLANTS[i % 16]
        h = houses[r.randrange(0, 5)]
        kind = i % 9
        bed = f"{{ id: {i}, plants: [], litresPerDay: {r.randrange(2, 40)} }}"
        if kind == 0:
            out.append(f"expectType<string>(label({{ latin: '{p}', house: '{h}' }}, 'la'));")
        elif kind == 1:
            out.append(f"expectType<Promise<string>>(water({bed}, {i}));")
        elif kind == 2:
            out.append(f"expectDeprecated(irrigate({bed}));")
        elif kind == 3:
            out.append(f"expectNotDeprecated(irrigate({bed}));")
        elif kind == 4:
            out.append(f"expectNever(label({{ latin: '{p}', house: 'palm' }}));")
        elif kind == 5:
            out.append(f"expectNotAssignable<Plant>({{ latin: '{p}', house: 'palm' }});")
        elif kind == 6:
            out.append(f"expectType<Array<Plant & {{ house: '{h}' }}>>(byHouse('{h}'));")
        elif kind == 7:
            out.append(f"expectNever(fail('{p} wilted'));")
        else:
            out.append(f"const b{i}: Bed = plant({bed}, {{ latin: '{p}', house: 'fern', stake: {i} }});")
    return "\n".join(out) + "\n"


def cap_tsd(tmp: Path) -> None:
    for j, n in enumerate((18, 90, 300)):
        d = app_dir(tmp, f"tsd-{n}")
        (d / "package.json").write_text(json.dumps({"name": f"hothouse-labels-{n}", "version": "2.1.0",
                                                    "types": "index.d.ts"}, indent=2) + "\n")
        (d / "index.d.ts").write_text(TSD_DTS.lstrip())
        (d / "index.test-d.ts").write_text(gen_tsd_test(n, 90 + j))
        run_cap(f"tsd-{n}", "tsd", d, n_tsd)


# --- sherif

def gen_workspace(root: Path, n: int, k: int) -> None:
    r = rng(k)
    root.mkdir(parents=True, exist_ok=True)
    (root / "package.json").write_text(json.dumps({
        "name": "hothouse", "version": "3.0.0", "workspaces": ["apps/*", "packages/*"],
        "devDependencies": {"vite": "^5.4.0", "@types/react": "^18.3.3"}}, indent=2) + "\n")
    vers = {"react": ["^18.3.1", "^18.2.0", "18.3.1"], "react-dom": ["^18.3.1", "^18.2.0"],
            "vite": ["^5.4.0", "^5.2.8", "^4.5.3"], "@types/react": ["^18.3.3", "^18.2.79"],
            "zod": ["^3.23.8", "^3.22.4"], "@babel/core": ["^7.24.0", "^7.25.2"], "@babel/preset-env": ["^7.24.0"]}
    for i in range(n):
        base = "apps" if i % 3 == 0 else "packages"
        deps = {}
        for dep, vs in vers.items():
            if r.random() < 0.55:
                deps[dep] = r.choice(vs)
        pkg = {"name": f"@hothouse/{slug(i)}", "version": f"1.{i}.0", "dependencies": deps}
        if base == "apps":
            pkg["private"] = True
        if i % 4 == 2 and "@types/react" not in deps:
            pkg["dependencies"]["@types/node"] = "^20.14.0"
        if i % 5 == 1:
            pkg["devDependencies"] = {"vite": r.choice(vers["vite"]), "typescript": "^5.5.0"}
        pd = root / base / slug(i)
        pd.mkdir(parents=True, exist_ok=True)
        (pd / "package.json").write_text(json.dumps(pkg, indent=2) + "\n")
    for name in ("seed-bank", "herbarium-scans"):
        (root / "packages" / name).mkdir(parents=True, exist_ok=True)
        (root / "packages" / name / "index.js").write_text("export {};\n")


def cap_sherif(tmp: Path) -> None:
    for j, n in enumerate((8, 26, 64)):
        d = tmp / f"sherif-{n}"
        gen_workspace(d, n, 100 + j)
        run_cap(f"sherif-{n}", "sherif", d, n_sherif)


# --- lit-analyzer

LIT_ELEMENT = """
import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('%(tag)s')
export class %(cls)s extends LitElement {
  static styles = css`:host { display: grid; }`;
  @property({ type: String }) latin = '%(p)s';
  @property({ type: Number }) bed = %(bed)d;
  @property({ type: Boolean }) watered = false;
  @property({ attribute: false }) house: { name: string; humidity: number } = { name: '%(h)s', humidity: 70 };

  onWater() { this.watered = true; }

  render() {
    return html`
      <article class="plant-label">
        <h3><i>${this.latin}</i></h3>
        %(body)s
      </article>
    `;
  }
}
"""

LIT_FAULTS = ["<bed-map beds=${this.bed} unknown-attr=\"x\"></bed-map>", "<button @click=${this.bed}>Water</button>",
              "<input ?disabled=\"${this.latin}\" type=\"checkbox\">", "<plant-stake .height=${'tall'}></plant-stake>",
              "<humidity-gauge .value=${this.house}></humidity-gauge>", "<label for=${this.bed}>Bed</label>",
              "<img alt=\"\" srcset=${this.watered}>", "<water-can @fill=${() => this.onWater}></water-can>",
              "<div slot=\"roots\" role=\"leaf\"></div>", "<select .value=${this.bed} multiple=\"yes\"></select>",
              "<house-card name=${this.house.name} humidity=${this.house}></house-card>"]


def cap_lit(tmp: Path) -> None:
    for n, cmd in ((8, "lit-analyzer --format list src"), (26, "lit-analyzer src"),
                   (60, "lit-analyzer --strict --rules.no-unknown-attribute error src")):
        d = app_dir(tmp, f"lit-{n}")
        (d / "tsconfig.json").write_text(json.dumps({"compilerOptions": {
            "target": "ES2022", "module": "ESNext", "moduleResolution": "bundler", "experimentalDecorators": True,
            "useDefineForClassFields": False, "strict": True, "lib": ["ES2022", "DOM"]}, "include": ["src"]},
            indent=2) + "\n")
        (d / "src").mkdir(exist_ok=True)
        for i in range(n):
            tag = "bed-map" if i == 0 else "plant-stake" if i == 1 else f"label-{slug(i)}"
            cls = "".join(w.title() for w in tag.split("-"))
            body = "\n        ".join(LIT_FAULTS[(i * 2 + kk) % len(LIT_FAULTS)] for kk in range(2 + i % 4))
            (d / "src" / f"{tag}.ts").write_text(LIT_ELEMENT.lstrip() % {
                "tag": tag, "cls": cls, "p": PLANTS[i % 16], "bed": i, "h": HOUSES[i % 10], "body": body})
        run_cap(f"lit-analyzer-{n}", cmd, d, n_lit_analyzer)


# --- Eleventy

def gen_site(root: Path, n: int, fault: str, k: int) -> None:
    r = rng(k)
    (root / "_includes").mkdir(parents=True, exist_ok=True)
    (root / "_includes" / "house.njk").write_text("<!doctype html><title>{{ title }}</title><article>{{ content | "
                                                  "safe }}</article>\n")
    (root / "plants").mkdir(exist_ok=True)
    (root / "houses").mkdir(exist_ok=True)
    for i in range(n):
        (root / "plants" / f"{slug(i)}.md").write_text(
            f"---\nlayout: house.njk\ntitle: {PLANTS[i % 16].title()} no. {i}\nbed: {r.randrange(1, 80)}\n---\n"
            f"# {PLANTS[i % 16].title()}\n\nGrows in the {HOUSES[i % 10]}, bed {{{{ bed }}}}, watered "
            f"{r.randrange(1, 8)} times a week.\n")
    for j, h in enumerate(HOUSES):
        (root / "houses" / f"house-{j}.njk").write_text(
            f"---\nlayout: house.njk\ntitle: {h}\n---\n<h1>{h}</h1><p>{r.randrange(40, 95)}% humidity</p>\n")
    (root / "index.liquid").write_text("---\ntitle: Hothouse\n---\n<ul>{% for p in collections.all %}<li>{{ p.url }}"
                                       "</li>{% endfor %}</ul>\n")
    (root / "sitemap.11ty.js").write_text("export default class { data() { return { permalink: '/sitemap.txt' }; } "
                                          "render(d) { return d.collections.all.map(p => p.url).join('\\n'); } }\n")
    if fault == "njk-syntax":
        (root / "houses" / "house-3.njk").write_text("---\nlayout: house.njk\ntitle: Fern House\n---\n"
                                                     "{% if humidity > 80 %}<p>misty</p>\n")
    if fault == "layout":
        (root / "plants" / "orphan.md").write_text("---\nlayout: glasshouse-wide.njk\ntitle: Orphan\n---\nlost\n")
    if fault == "permalink":
        for j in (2, 5):
            (root / "plants" / f"dup-{j}.md").write_text(f"---\npermalink: /plants/victoria/\ntitle: dup {j}\n---\n"
                                                         f"dup\n")
    if fault == "include":
        (root / "tour.njk").write_text("---\ntitle: Tour\n---\n{% include 'route-map.njk' %}\n")


def cap_eleventy(tmp: Path) -> None:
    for j, (n, fault) in enumerate(((80, ""), (40, "njk-syntax"), (30, "layout"), (50, "permalink"),
                                    (35, "include"), (700, ""))):
        d = app_dir(tmp, f"site-{n}-{fault or 'ok'}")
        gen_site(d, n, fault, 110 + j)
        run_cap(f"eleventy-{n}-{fault or 'ok'}", "eleventy", d, n_eleventy)


# --- source-map-explorer

def gen_bundle_src(root: Path, n: int, k: int) -> None:
    r = rng(k)
    src = root / "src"
    (src / "vendor").mkdir(parents=True, exist_ok=True)
    vendors = {"plant-taxonomy": 30, "glasshouse-climate": 9, "label-fonts": 3}
    for v, kb in vendors.items():
        rows = ",\n".join(f'  ["{PLANTS[q % 16]}-{q}", {r.randrange(0, 99)}, {q % 11}]' for q in range(kb * 32))
        (src / "vendor" / f"{v}.js").write_text(f"export const DATA = [\n{rows}\n];\n")
    imps = []
    for i in range(n):
        v = list(vendors)[i % 3]
        (src / f"{slug(i)}.js").write_text(
            f"import {{ DATA }} from './vendor/{v}.js';\nexport function bed{i}() {{\n"
            f"  return DATA.filter(d => d[2] === {i % 11}).length + ' in {HOUSES[i % 10]}';\n}}\n"
            + "".join(f"export const note{i}_{q} = '{PLANTS[q % 16]} label {q}';\n" for q in range(i % 7 * 4)))
        imps.append(f"import {{ bed{i} }} from './{slug(i)}.js';")
    (src / "main.js").write_text("\n".join(imps) + "\nconsole.log([" + ",".join(f"bed{i}()" for i in range(n))
                                 + "].join('\\n'));\n")


def cap_sme(tmp: Path) -> None:
    d = app_dir(tmp, "sme")
    gen_bundle_src(d, 60, 120)
    cm.run("esbuild src/main.js --bundle --sourcemap --outfile=dist/garden.js && "
           "esbuild src/main.js --bundle --minify --sourcemap --outfile=dist/garden.min.js && "
           "esbuild src/main.js src/cycas-06.js src/aloe-09.js --bundle --splitting --format=esm --minify "
           "--sourcemap --outdir=dist/split", cwd=d, env=w372.tool_env(), timeout=300)
    big = app_dir(tmp, "sme-big")
    gen_bundle_src(big, 220, 121)
    cm.run("esbuild src/main.js --bundle --sourcemap --outfile=dist/garden.js", cwd=big, env=w372.tool_env(),
           timeout=300)
    run_cap("sme-tsv-garden", "source-map-explorer dist/garden.js --tsv --no-border-checks", d, n_sme_tsv)
    run_cap("sme-tsv-min", "source-map-explorer dist/garden.min.js --tsv --no-border-checks", d, n_sme_tsv)
    run_cap("sme-tsv-split", "source-map-explorer 'dist/split/*.js' --tsv --no-border-checks", d, n_sme_tsv)
    run_cap("sme-tsv-big", "source-map-explorer dist/garden.js --tsv --no-border-checks", big, n_sme_tsv)


# --- rsbuild

def gen_rsbuild_app(root: Path, n: int, fault: str, k: int) -> None:
    r = rng(k)
    src = root / "src"
    (src / "beds").mkdir(parents=True, exist_ok=True)
    (src / "styles").mkdir(parents=True, exist_ok=True)
    (root / "package.json").write_text(json.dumps({"name": "hothouse-web", "private": True, "type": "module"}) + "\n")
    imps = []
    for i in range(n):
        extra = ""
        if fault == "npm" and i % 10 == 3:
            extra = f"import {{ soilProbe }} from '@hothouse/sensors-{i}';\nexport const probe{i} = soilProbe;\n"
        if fault == "json" and i == 5:
            extra = "import climate from '../climate.json';\nexport const climate5 = climate;\n"
        (src / "beds" / f"{slug(i)}.ts").write_text(
            extra + f"import '../styles/{slug(i)}.css';\nexport function bed{i}(ml: number): string {{\n"
            f"  return '{PLANTS[i % 16]} in {HOUSES[i % 10]}: ' + ml.toFixed(1);\n}}\n"
            + "".join(f"export const tag{i}_{q} = '{PLANTS[q % 16]} stake {q}';\n" for q in range(r.randrange(0, 60))))
        css = gen_css(2, "", i * 2, nest=False, k=k * 100 + i)
        if fault == "url" and i % 12 == 7:
            css += f".bed-banner-{i} {{ background: url(../img/glasshouse-{i}.webp); }}\n"
        (src / "styles" / f"{slug(i)}.css").write_text(css)
        if i % 3:
            imps.append(f"import {{ bed{i} }} from './beds/{slug(i)}';")
        else:
            imps.append(f"const bed{i} = (n: number) => import('./beds/{slug(i)}').then((m) => m.bed{i}(n));")
    if fault == "json":
        (src / "climate.json").write_text('{ "palm": 28, "alpine": 12, }\n')
    (src / "index.ts").write_text("\n".join(imps) + "\ndocument.body.textContent = ["
                                  + ", ".join(f"bed{i}(2.5)" for i in range(n)) + "].join(' | ');\n")


def cap_rsbuild(tmp: Path) -> None:
    for j, (n, fault) in enumerate(((40, ""), (120, ""), (36, "npm"), (30, "url"), (20, "json"))):
        d = app_dir(tmp, f"rsbuild-{n}-{fault or 'ok'}")
        gen_rsbuild_app(d, n, fault, 130 + j)
        run_cap(f"rsbuild-{n}-{fault or 'ok'}", "rsbuild build", d, n_rsbuild, timeout=400)


# --- browserslist

def cap_browserslist(tmp: Path) -> None:
    d = app_dir(tmp, "browserslist")
    (d / ".browserslistrc").write_text("[production]\n> 0.5%\nlast 2 major versions\nnot dead\n\n[labels-kiosk]\n"
                                       "chrome >= 100\nandroid >= 100\nsafari >= 15\n\n[legacy]\nie 11\nsafari 9\n")
    run_cap("browserslist-cover", "browserslist --coverage 'cover 99.5%' && browserslist 'cover 99.5%'", d,
            n_browserslist)
    run_cap("browserslist-major-mobile", "browserslist --mobile-to-desktop 'last 3 major versions, not dead'", d,
            n_browserslist)
    run_cap("browserslist-env-production", "BROWSERSLIST_ENV=production browserslist --coverage=US,GB,NL,DE && "
            "BROWSERSLIST_ENV=production browserslist", d, n_browserslist)
    run_cap("browserslist-supports-unknown", "browserslist 'supports es6-module, supports css-grid'; "
            "browserslist 'chrom >= 100, safari 15'; browserslist --coverage=XX '> 1%'; "
            "browserslist 'last 2 versions'", d, n_browserslist)


STEPS = [cap_lightningcss, cap_cleancss, cap_stylus, cap_quick_lint, cap_dpdm, cap_tsd, cap_sherif, cap_lit,
         cap_eleventy, cap_sme, cap_rsbuild, cap_browserslist]


def ensure_tools() -> None:
    cm.install_npm(w372.TOOLS, "@rsbuild", w372.NPM_PACKAGES)
    cm.have("node", "node")


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
