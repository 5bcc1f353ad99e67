#!/usr/bin/env python3
"""Capture round 418 of the compression corpus: third samples of round 372's front-end build and check kinds
(lightningcss, stylus, cleancss -d, quick-lint-js, dpdm, tsd, sherif, lit-analyzer, Eleventy's build,
source-map-explorer --tsv, rsbuild build, browserslist), run offline on `menagerie`, a zoo's web app (enclosures,
keepers, feeding rounds) written here with other faults than rounds 372 and 380. No new rules: every extractor is
round 372's, imported from capture_wide372 (NEEDLES.md's "Round 418"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide418.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide418.json  as {"version": 2, "items": [...]}, ids prefixed "wide418-".
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

# Round 372's tools, same versions, in this round's own scratch project (NEEDLES.md's "Round 418").
w372.TOOLS = Path(os.environ.get("HM_WIDE418_TOOLS", "/dev/shm/hm-corpus-wide418/tools"))

from capture_wide372 import (n_browserslist, n_cleancss, n_dpdm, n_eleventy, n_lightningcss,  # noqa: E402
                             n_lit_analyzer, n_quick_lint, n_rsbuild, n_sherif, n_sme_tsv, n_stylus, n_tsd)

ID_PREFIX = "wide418-"
DEFAULT_OUT = HERE / "data" / "wide418.json"
TMP = Path(os.environ.get("HM_WIDE418_TMP", "/dev/shm/hm-corpus-wide418-run"))

_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

SEED = 41810
ENCLOSURES = ["Savanna Paddock", "Reptile House", "Penguin Cove", "Big Cat Ridge", "Nocturnal House", "Aviary",
              "Primate Island", "Aquarium Hall", "Elephant Barn", "Petting Farm"]
ANIMALS = ["okapi", "meerkat", "gharial", "ocelot", "tapir", "kea", "binturong", "axolotl", "serval", "pangolin",
           "capybara", "fossa", "quokka", "markhor", "tamarin", "hornbill"]
KEEPERS = ["Adaeze", "Bjorn", "Chiara", "Dmitri", "Esme", "Farid", "Greta", "Hiroshi", "Ines", "Jomo"]


def slug(i: int) -> str:
    return f"{ANIMALS[i % len(ANIMALS)]}-{i:02d}"


def rng(k: int) -> random.Random:
    return random.Random(SEED + k)


def run_cap(item_id: str, command: str, cwd: Path, extractor, timeout: int = 300) -> None:
    cap(item_id, command, cwd, extractor, timeout=timeout, env=w372.tool_env())


app_dir = w372.app_dir


# --- CSS: lightningcss and clean-css

def gen_css(n: int, faults: str, start: int = 0, nest: bool = True, k: int = 0) -> str:
    r = rng(k)
    out = [":root {\n  --fur: oklch(58% 0.12 60);\n  --moat: #1f5f7a;\n  --sand: color-mix(in oklab, khaki 60%, "
           "var(--fur));\n}\n"]
    for i in range(start, start + n):
        s = slug(i)
        w = r.randrange(120, 900)
        inner = (f"  & .keeper-note {{\n    text-wrap: balance;\n    margin-inline: {i % 5}px;\n  }}\n" if nest
                 else "")
        out.append(f".enclosure-{s} {{\n  display: flex;\n  max-width: {w}px;\n  user-select: none;\n"
                   f"  mask-image: linear-gradient(to bottom, black {i % 70}%, transparent);\n"
                   f"  color: hwb({r.randrange(0, 360)} {i % 40}% 10%);\n{inner}}}\n")
        if i % 4 == 1:
            out.append(f"@supports (display: grid) and (gap: 1rem) {{\n  .feeding-{s} {{\n    display: grid;\n"
                       f"    grid-template-columns: repeat({i % 5 + 2}, 1fr);\n  }}\n}}\n")
        if i % 5 == 2:
            out.append(f"@media (min-width: {480 + i * 10}px) and (hover: hover) {{\n  .paddock-{s}:hover {{\n"
                       f"    filter: drop-shadow(0 {i % 6}px 4px rgb(0 0 0 / 30%));\n  }}\n}}\n")
        if i % 7 == 3:
            out.append(f"@font-face {{\n  font-family: 'Signage {i}';\n  src: local('Signage {i}');\n"
                       f"  font-display: swap;\n}}\n")
        if "supports" in faults and i % 11 == 4:
            out.append(f"@supports (display: grid {{\n  .feed-tray-{i} {{ gap: 3px; }}\n}}\n")
        if "comb" in faults and i % 9 == 6:
            out.append(f".pen-{i} >> .water-trough {{ opacity: .8; }}\n.pen-{i} > > .hay {{ color: tan; }}\n")
        if "face" in faults and i % 13 == 5:
            out.append(f"@font-face {{\n  font-family: ;\n  src: url();\n  font-weight: heavy;\n}}\n"
                       f"@namespace zoo url(;\n")
        if "media" in faults and i % 10 == 8:
            out.append(f"@media screen and and (min-width: {i}px) {{\n  .gate-{i} {{ width: 1px; }}\n}}\n"
                       f"@scope (.enclosure-{i}) to ( {{\n  .sign {{ color: red; }}\n}}\n")
        if "import" in faults and i % 15 == 7:
            out.append(f"@import 'late-{i}.css';\n")
        if "value" in faults and i % 6 == 5:
            out.append(f".feeding-bowl-{s} {{\n  height: {i}ppx;\n  transform: rotate({i}degg);\n"
                       f"  color: hsl(30, 40%);\n  font: bold;\n}}\n")
        if "hack" in faults and i % 8 == 2:
            out.append(f".old-sign-{i} {{ *zoom: 1; _height: {i}px; color: red\\9; }}\n")
        if "unclosed-media" in faults and i == start + n - 3:
            out.append(f"@media print {{\n  .keeper-rota-{i} {{ display: none; }}\n")
    return "".join(out)


def cap_lightningcss(tmp: Path) -> None:
    d = app_dir(tmp, "lightning")
    (d / "signage.css").write_text(gen_css(20, "supports comb face", k=1))
    (d / "savanna.css").write_text(gen_css(70, "comb media value", 30, k=2))
    (d / "nocturnal.css").write_text(gen_css(40, "face import", 120, k=3))
    (d / "aviary.css").write_text(gen_css(190, "media value", 200, k=4))
    (d / "aquarium.css").write_text(gen_css(130, "", 420, k=5))
    parts = []
    (d / "enclosures").mkdir(exist_ok=True)
    for j, enc in enumerate(ENCLOSURES):
        name = enc.lower().replace(" ", "-")
        (d / "enclosures" / f"{name}.css").write_text(
            gen_css(14, "value" if j % 3 == 2 else "comb" if j % 4 == 1 else "", 600 + j * 14, k=10 + j))
        parts.append(f'@import "enclosures/{name}.css";')
    (d / "zoo.css").write_text("\n".join(parts) + "\n" + gen_css(5, "", 800, k=30))
    run_cap("lightningcss-recovery-signage", "lightningcss --error-recovery --targets '>= 0.25%' signage.css", d,
            n_lightningcss)
    run_cap("lightningcss-recovery-savanna", "lightningcss --error-recovery --targets 'safari 12, chrome 70' "
            "savanna.css", d, n_lightningcss)
    run_cap("lightningcss-recovery-nocturnal", "lightningcss --error-recovery --targets 'firefox 60' "
            "nocturnal.css", d, n_lightningcss)
    run_cap("lightningcss-recovery-aviary", "lightningcss --error-recovery --targets 'ie 11' aviary.css", d,
            n_lightningcss)
    run_cap("lightningcss-targets-aquarium", "lightningcss --targets 'safari 10, edge 18' aquarium.css", d,
            n_lightningcss)
    run_cap("lightningcss-bundle-zoo", "lightningcss --bundle --error-recovery --targets 'chrome 85' zoo.css", d,
            n_lightningcss)


def cap_cleancss(tmp: Path) -> None:
    d = app_dir(tmp, "cleancss")
    (d / "css").mkdir(exist_ok=True)
    for j, enc in enumerate(ENCLOSURES[:9]):
        (d / "css" / f"{enc.lower().replace(' ', '-')}.css").write_text(
            gen_css(8 + j * 4, "hack value" if j % 2 else "hack", j * 50, nest=False, k=40 + j))
    (d / "css" / "rota.css").write_text('@import url(keepers/shifts.css);\n@import "feeding/times.css";\n'
                                        '@import url(tokens.css);\n'
                                        + gen_css(60, "hack", 500, nest=False, k=50))
    (d / "css" / "tokens.css").write_text(":root { --fur: tan; }\n.gate { border: 0; border-width: 2px; "
                                          "margin: 4px 4px 4px 4px; }\n.gate { color: red; }\n")
    (d / "css" / "print.css").write_text(gen_css(30, "unclosed-media hack", 700, nest=False, k=51))
    run_cap("cleancss-debug-enclosures", "cleancss -d -O2 --format beautify css/savanna-paddock.css "
            "css/reptile-house.css css/penguin-cove.css css/big-cat-ridge.css css/nocturnal-house.css", d,
            n_cleancss)
    run_cap("cleancss-debug-inline-rota", "cleancss -d --inline local --format beautify css/rota.css css/aviary.css "
            "css/reptile-house.css css/petting-farm.css", d,
            n_cleancss)
    run_cap("cleancss-debug-sourcemap", "cleancss -d -O2 --source-map -o dist/zoo.min.css css/aviary.css "
            "css/primate-island.css css/aquarium-hall.css && head -c 2500 dist/zoo.min.css.map", d, n_cleancss)
    run_cap("cleancss-debug-print", "cleancss -d -O1 --format keep-breaks css/print.css", d, n_cleancss)


# --- stylus

def gen_styl(n: int, fault: str, k: int = 0) -> str:
    r = rng(k)
    out = ["fur = #a0522d\nmoat = #1f5f7a\n\nportion(kg)\n  if kg > 40\n    warn('feeding round portion over "
           "the enclosure limit: ' + kg)\n  unit(kg * 3, 'px')\n\nsign(size)\n  font-size size\n"
           "  padding (size / 2)\n  border 2px solid fur\n\n"]
    if fault == "func":
        out.append("ration(animal, kg)\n  if kg > 30\n    error('ration of ' + kg + 'kg for ' + animal + "
                   "' exceeds the vet plan')\n  kg * 2\n\n")
    for i in range(n):
        s = slug(i)
        out.append(f".enclosure-{s}\n  background darken(fur, {r.randrange(0, 30)}%)\n"
                   f"  width portion({r.randrange(5, 45)})\n  sign({r.randrange(10, 24)}px)\n")
        if fault == "func" and i == n - 3:
            out.append(f"  height ration('{ANIMALS[i % 16]}', {31 + i % 9})px\n")
        if fault == "paren" and i == n // 2:
            out.append(f"  box-shadow 0 0 4px rgba(0, 0, 0, 0.{i % 9}\n")
        if fault == "mixarg" and i == n // 3:
            out.append("  sign('large')\n  margin 'auto' * 2\n")
        out.append(f"  .keeper-badge\n    opacity 0.{i % 9 + 1}\n\n")
    return "".join(out)


def cap_stylus(tmp: Path) -> None:
    d = app_dir(tmp, "stylus")
    (d / "signage.styl").write_text(gen_styl(45, "", 60))
    (d / "rations.styl").write_text(gen_styl(38, "func", 61))
    (d / "moats.styl").write_text(gen_styl(28, "paren", 62))
    (d / "badges.styl").write_text(gen_styl(24, "mixarg", 63))
    (d / "rota.styl").write_text("@import 'keepers/shift-colours'\n" + gen_styl(10, "", 64))
    sd = d / "enclosures"
    sd.mkdir(exist_ok=True)
    for j in range(26):
        fault = "func" if j == 11 else "paren" if j == 19 else ""
        (sd / f"enclosure-{j:02d}.styl").write_text(gen_styl(4 + j, fault, 70 + j))
    run_cap("stylus-print-rations", "stylus --print rations.styl", d, n_stylus)
    run_cap("stylus-print-moats", "stylus --print moats.styl", d, n_stylus)
    run_cap("stylus-print-badges", "stylus --print badges.styl", d, n_stylus)
    run_cap("stylus-print-rota", "stylus --print rota.styl", d, n_stylus)
    run_cap("stylus-out-enclosures", "stylus -o out enclosures", d, n_stylus)


# --- quick-lint-js: JavaScript and TypeScript

QL_JS = """
import {{ scheduleFeed{i}, RATIONS }} from './rounds.js';

export function feedingRound{i}(animals) {{
  const done = [];
  for (const animal of animals) {{
    {fault}
    done.push({{ name: animal, keeper: '{keeper}', enclosure: '{enc}' }});
  }}
  return done;
}}
"""

QL_JS_FAULTS = ["animal = animal.trim();", "if (!animal) break outer;", "const note = `fed at ${{time};",
                "scheduleFeed{i}(animal, RATIONS;", "console.log(late{i}); let late{i} = 1;",
                "if (typeof animal === 'strng') continue;", "", "RATIONS = {{}};",
                "done.push(animal) done.push(animal);", "return await scheduleFeed{i}(animal);"]

QL_TS = """
type Shift{i} = {{ keeper: string; start: number; enclosure: '{enc}' }};

export class Rota{i} {{
  private shifts: Shift{i}[] = [];
  add(keeper: string, start: number): void {{
    {fault}
    this.shifts.push({{ keeper, start, enclosure: '{enc}' }});
  }}
}}
"""

QL_TS_FAULTS = ["const start = 6;", "let k: string = ;", "if (start = 7) return;", "",
                "this.shifts.push({ keeper start });", "function f(x?: number = 3) { return x; }",
                "keeper!!.trim();", "for (;;) { } break;"]


def cap_quick_lint(tmp: Path) -> None:
    d = app_dir(tmp, "qljs")
    (d / "src").mkdir(exist_ok=True)
    for i in range(44):
        body = "".join(QL_JS.format(i=i * 10 + k, keeper=KEEPERS[(i + k) % 10], enc=ENCLOSURES[(i + k) % 10],
                                    fault=QL_JS_FAULTS[(i + k) % 10].replace("{i}", str(i * 10 + k))
                                    .replace("{{", "{").replace("}}", "}"))
                       for k in range(2 + i % 4))
        (d / "src" / f"{slug(i)}.js").write_text(body)
    for i in range(30):
        body = "".join(QL_TS.format(i=i * 10 + k, enc=ENCLOSURES[(i + k) % 10], fault=QL_TS_FAULTS[(i + k) % 8])
                       for k in range(2 + i % 3))
        (d / "src" / f"rota-{i:02d}.ts").write_text(body)
    run_cap("quick-lint-js-js-few", "quick-lint-js --language=javascript src/okapi-00.js src/meerkat-01.js "
            "src/gharial-02.js src/ocelot-03.js", d, n_quick_lint)
    run_cap("quick-lint-js-js-all", "quick-lint-js --language=javascript src/*.js", d, n_quick_lint)
    run_cap("quick-lint-js-ts-rota", "quick-lint-js --language=typescript src/rota-*.ts", d, n_quick_lint)


# --- dpdm: CommonJS trees

def gen_cjs_tree(root: Path, n: int, k: int) -> None:
    r = rng(k)
    src = root / "lib"
    dirs = ["enclosures", "keepers", "feeding", "records"]
    for dd in dirs:
        (src / dd).mkdir(parents=True, exist_ok=True)
    mods = [f"{dirs[i % 4]}/{slug(i)}" for i in range(n)]
    head = max(4, n // 5)
    main = [f"const {{ care{i} }} = require('./{m}');" for i, m in enumerate(mods[:head])]
    main.append("module.exports = [" + ", ".join(f"care{i}" for i in range(head)) + "];")
    (src / "index.js").write_text("\n".join(main) + "\n")
    (src / "registry.js").write_text("const { vet } = require('./vet');\nexports.REGISTRY = { vet };\n")
    (src / "vet.js").write_text("const { REGISTRY } = require('./registry');\nexports.vet = () => REGISTRY;\n")
    for i, m in enumerate(mods):
        reqs = ["const { REGISTRY } = require('../registry');"]
        for dj in (1, 4):
            if i + dj < n:
                reqs.append(f"const {{ care{i + dj} }} = require('../{mods[i + dj]}');")
        if i % 6 == 5:
            back = i - r.randrange(3, 6)
            reqs.append(f"const {{ care{back} }} = require('../{mods[back]}');")
        if i % 9 == 4:
            reqs.append(f"const scale = require('../scales/weigh-{i}');")
        if i % 10 == 7:
            reqs.append("const lit = require('lit');")
        body = (f"exports.care{i} = function care{i}(kg) {{ return REGISTRY.vet ? kg * {i % 7 + 1} : 0; }};\n")
        (src / f"{m}.js").write_text("\n".join(reqs) + "\n" + body)


def cap_dpdm(tmp: Path) -> None:
    mid, big, huge = app_dir(tmp, "dpdm-mid"), app_dir(tmp, "dpdm-big"), app_dir(tmp, "dpdm-huge")
    wide = app_dir(tmp, "dpdm-wide")
    gen_cjs_tree(mid, 24, 80)
    gen_cjs_tree(wide, 40, 83)
    gen_cjs_tree(big, 80, 81)
    gen_cjs_tree(huge, 180, 82)
    run_cap("dpdm-exit-code-mid", "dpdm --no-tree --circular --warning --exit-code circular:2 lib/index.js", mid,
            n_dpdm)
    run_cap("dpdm-exclude-big", "dpdm --no-tree --circular --warning --exclude 'records' 'lib/**/*.js'", big,
            n_dpdm)
    run_cap("dpdm-include-huge", "dpdm --no-tree --circular --warning --include 'lib/(enclosures|feeding)' "
            "'lib/**/*.js'", huge, n_dpdm)
    run_cap("dpdm-all-wide", "dpdm --circular --warning 'lib/**/*.js'", wide, n_dpdm)


# --- tsd

TSD_DTS = """
export type Diet = 'carnivore' | 'herbivore' | 'omnivore' | 'insectivore';
export interface Animal { readonly id: number; name: string; diet: Diet; keeper?: string }
export declare class Enclosure { constructor(name: string); readonly residents: readonly Animal[]; admit(a: Animal): this }
export declare function round(e: Enclosure): [string, number];
export declare function portion<D extends Diet>(diet: D): D extends 'carnivore' ? number : string;
export declare function roster(keeper: string): readonly Animal[];
export declare function weigh(a: Animal): Promise<number | undefined>;
"""


def gen_tsd_test(n: int, k: int) -> str:
    r = rng(k)
    out = ["import { expectType, expectError, expectAssignable, expectNotAssignable, expectNotType } from 'tsd';",
           "import { Enclosure, round, portion, roster, weigh, Animal, Diet, transfer } from '.';", ""]
    diets = ["carnivore", "herbivore", "omnivore", "insectivore"]
    for i in range(n):
        a = ANIMALS[i % 16]
        dt = diets[r.randrange(0, 4)]
        kind = i % 8
        animal = f"{{ id: {i}, name: '{a}', diet: '{dt}' as Diet }}"
        if kind == 0:
            out.append(f"expectType<[string, number]>(round(new Enclosure('{ENCLOSURES[i % 10]}')));")
        elif kind == 1:
            out.append(f"expectType<Animal[]>(roster('{KEEPERS[i % 10]}'));")
        elif kind == 2:
            out.append(f"expectError(portion('{dt}'));")
        elif kind == 3:
            out.append(f"expectType<Promise<number>>(weigh({animal}));")
        elif kind == 4:
            out.append(f"expectAssignable<Animal>({{ id: {i}, name: '{a}', diet: 'frugivore' }});")
        elif kind == 5:
            out.append(f"expectNotType<string>(portion('{dt}'));")
        elif kind == 6:
            out.append(f"expectNotAssignable<Diet>('{dt}');")
        else:
            out.append(f"new Enclosure('{ENCLOSURES[i % 10]}').residents.push({animal});")
    return "\n".join(out) + "\n"


def cap_tsd(tmp: Path) -> None:
    for j, n in enumerate((16, 120, 420)):
        d = app_dir(tmp, f"tsd-{n}")
        (d / "package.json").write_text(json.dumps({"name": f"menagerie-records-{n}", "version": "4.0.1",
                                                    "types": "index.d.ts"}, indent=2) + "\n")
        (d / "index.d.ts").write_text(TSD_DTS.lstrip())
        (d / "index.test-d.ts").write_text(gen_tsd_test(n, 90 + j))
        run_cap(f"tsd-{n}", "tsd", d, n_tsd)


# --- sherif

def gen_workspace(root: Path, n: int, k: int) -> None:
    r = rng(k)
    root.mkdir(parents=True, exist_ok=True)
    (root / "package.json").write_text(json.dumps({
        "name": "menagerie", "version": "1.0.0", "private": True, "packageManager": "pnpm@9.6.0",
        "workspaces": ["apps/*", "packages/*", "tools/*"],
        "dependencies": {"lodash": "^4.17.21"}}, indent=2) + "\n")
    vers = {"vue": ["^3.4.38", "^3.4.21", "3.4.38"], "pinia": ["^2.2.2", "^2.1.7"],
            "vitest": ["^2.0.5", "^1.6.0"], "date-fns": ["^3.6.0", "^2.30.0"], "@vue/test-utils": ["^2.4.6"],
            "@vitejs/plugin-vue": ["^5.1.2", "^5.0.4"], "eslint": ["^9.9.0", "^8.57.0"]}
    for i in range(n):
        base = "apps" if i % 4 == 0 else "packages"
        deps = {}
        for dep, vs in vers.items():
            if r.random() < 0.5:
                deps[dep] = r.choice(vs)
        if i % 3 == 1:
            deps = dict(reversed(list(deps.items())))
        pkg = {"name": f"@menagerie/{slug(i)}", "version": f"0.{i}.0", "private": True, "dependencies": deps}
        if i % 7 == 3:
            pkg["devDependencies"] = {}
        if i % 5 == 4:
            pkg["peerDependencies"] = {}
        pd = root / base / slug(i)
        pd.mkdir(parents=True, exist_ok=True)
        (pd / "package.json").write_text(json.dumps(pkg, indent=2) + "\n")


def cap_sherif(tmp: Path) -> None:
    for j, n in enumerate((10, 30, 72)):
        d = tmp / f"sherif-{n}"
        gen_workspace(d, n, 100 + j)
        run_cap(f"sherif-{n}", "sherif", d, n_sherif)


# --- lit-analyzer

LIT_ELEMENT = """
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

@customElement('%(tag)s')
export class %(cls)s extends LitElement {
  @property({ type: String }) species = '%(a)s';
  @property({ type: Number }) weightKg = %(w)d;
  @property({ type: Boolean }) fed = false;
  @property({ type: Array }) keepers: string[] = ['%(k)s'];
  @property({ type: Date }) lastFeed = new Date();

  feed() { this.fed = true; }

  render() {
    return html`
      <section class="animal-card">
        <h2>${this.species}</h2>
        %(body)s
      </section>
    `;
  }
}
"""

LIT_FAULTS = ["<div><span>${this.species}</div></span>", "<button @clik=${this.feed}>Feed</button>",
              "<feeding-clock ?active=${this.weightKg}></feeding-clock>",
              "<input .value=${this.species} .value=${this.weightKg}>",
              "<keeper-badgee .keepers=${this.keepers}></keeper-badgee>", "<meter value=${this.keepers}></meter>",
              "<a href=${this.fed}>record</a>", "<enclosure-map @click=\"feed\"></enclosure-map>",
              "<td colspan=\"two\"></td>", "<ol reversed=${this.species}></ol>",
              "<feeding-clock .lastFeed=${'yesterday'}></feeding-clock>"]


def cap_lit(tmp: Path) -> None:
    for n, cmd in ((10, "lit-analyzer --format list src"), (32, "lit-analyzer src"),
                   (70, "lit-analyzer --strict --rules.no-incompatible-type-binding warn src")):
        d = app_dir(tmp, f"lit-{n}")
        (d / "tsconfig.json").write_text(json.dumps({"compilerOptions": {
            "target": "ES2022", "module": "ESNext", "moduleResolution": "bundler", "experimentalDecorators": True,
            "useDefineForClassFields": False, "strict": True, "lib": ["ES2022", "DOM"]}, "include": ["src"]},
            indent=2) + "\n")
        (d / "src").mkdir(exist_ok=True)
        for i in range(n):
            tag = "feeding-clock" if i == 0 else "enclosure-map" if i == 1 else f"card-{slug(i)}"
            cls = "".join(w.title() for w in tag.split("-"))
            body = "\n        ".join(LIT_FAULTS[(i * 3 + kk) % len(LIT_FAULTS)] for kk in range(2 + i % 4))
            (d / "src" / f"{tag}.ts").write_text(LIT_ELEMENT.lstrip() % {
                "tag": tag, "cls": cls, "a": ANIMALS[i % 16], "w": 3 + i * 7, "k": KEEPERS[i % 10], "body": body})
        run_cap(f"lit-analyzer-{n}", cmd, d, n_lit_analyzer)


# --- Eleventy

def gen_site(root: Path, n: int, fault: str, k: int) -> None:
    r = rng(k)
    (root / "_includes").mkdir(parents=True, exist_ok=True)
    (root / "_data").mkdir(parents=True, exist_ok=True)
    (root / "_includes" / "animal.liquid").write_text("<!doctype html><title>{{ title }}</title><main>{{ content }}"
                                                      "</main><footer>{{ zoo.name }}</footer>\n")
    (root / "_data" / "zoo.json").write_text(json.dumps({"name": "Menagerie", "opens": "09:00"}) + "\n")
    (root / "animals").mkdir(exist_ok=True)
    (root / "keepers").mkdir(exist_ok=True)
    for i in range(n):
        (root / "animals" / f"{slug(i)}.md").write_text(
            f"---\nlayout: animal.liquid\ntitle: {ANIMALS[i % 16].title()} {i}\nenclosure: {ENCLOSURES[i % 10]}\n"
            f"---\n## {ANIMALS[i % 16].title()}\n\nLives in the {ENCLOSURES[i % 10]}, fed {r.randrange(1, 5)} times a "
            f"day by {KEEPERS[i % 10]}.\n")
    for j, kp in enumerate(KEEPERS):
        (root / "keepers" / f"{kp.lower()}.liquid").write_text(
            f"---\nlayout: animal.liquid\ntitle: {kp}\n---\n<h1>{kp}</h1><p>round at {6 + j}:00</p>\n")
    (root / "index.njk").write_text("---\ntitle: Menagerie\n---\n<ul>{% for p in collections.all %}<li>{{ p.url }}"
                                    "</li>{% endfor %}</ul>\n")
    (root / "feeds.11ty.js").write_text("export default class { data() { return { permalink: '/feeds.txt' }; } "
                                        "render(d) { return d.collections.all.length + ' pages'; } }\n")
    if fault == "liquid":
        (root / "keepers" / "greta.liquid").write_text("---\nlayout: animal.liquid\ntitle: Greta\n---\n"
                                                       "{% for a in animals %}<p>{{ a.name }</p>\n")
    if fault == "json":
        (root / "_data" / "rota.json").write_text('{ "monday": ["Adaeze", "Bjorn"], "tuesday": [Chiara] }\n')
    if fault == "jsthrow":
        (root / "census.11ty.js").write_text("export default function (data) { return data.census.total.toFixed(0); }"
                                             "\n")
    if fault == "yaml":
        (root / "animals" / "fossa-bad.md").write_text("---\ntitle: Fossa: the hunter\nenclosure: [Nocturnal\n---\n"
                                                       "text\n")


def cap_eleventy(tmp: Path) -> None:
    for j, (n, fault) in enumerate(((90, ""), (45, "liquid"), (30, "json"), (40, "jsthrow"), (35, "yaml"),
                                    (900, ""))):
        d = app_dir(tmp, f"site-{n}-{fault or 'ok'}")
        gen_site(d, n, fault, 110 + j)
        run_cap(f"eleventy-{n}-{fault or 'ok'}", "eleventy", d, n_eleventy)


# --- source-map-explorer

def gen_bundle_src(root: Path, n: int, k: int) -> None:
    r = rng(k)
    src = root / "src"
    (src / "vendor").mkdir(parents=True, exist_ok=True)
    vendors = {"species-atlas": 60, "feeding-tables": 4, "map-tiles": 2, "keeper-icons": 1}
    for v, kb in vendors.items():
        rows = ",\n".join(f'  ["{ANIMALS[q % 16]}-{q}", {r.randrange(0, 500)}, "{KEEPERS[q % 10]}"]'
                          for q in range(kb * 30))
        (src / "vendor" / f"{v}.js").write_text(f"export const ROWS = [\n{rows}\n];\n")
    imps = []
    for i in range(n):
        v = list(vendors)[i % 4]
        (src / f"{slug(i)}.js").write_text(
            f"import {{ ROWS }} from './vendor/{v}.js';\nexport function census{i}() {{\n"
            f"  return ROWS.filter(x => x[1] > {i * 3}).length + ' seen at {ENCLOSURES[i % 10]}';\n}}\n"
            + "".join(f"export const sign{i}_{q} = '{ANIMALS[q % 16]} sign {q}';\n" for q in range(i % 5 * 5)))
        imps.append(f"import {{ census{i} }} from './{slug(i)}.js';")
    (src / "main.js").write_text("\n".join(imps) + "\nconsole.log([" + ",".join(f"census{i}()" for i in range(n))
                                 + "].join('\\n'));\n")


def cap_sme(tmp: Path) -> None:
    d = app_dir(tmp, "sme")
    gen_bundle_src(d, 70, 120)
    cm.run("esbuild src/main.js --bundle --sourcemap=inline --outfile=dist/inline.js && "
           "esbuild src/main.js --bundle --minify --format=iife --sourcemap --outfile=dist/zoo.iife.js && "
           "esbuild src/main.js src/tapir-04.js src/serval-08.js src/fossa-11.js --bundle --splitting --format=esm "
           "--sourcemap --outdir=dist/split", cwd=d, env=w372.tool_env(), timeout=300)
    big = app_dir(tmp, "sme-big")
    gen_bundle_src(big, 260, 121)
    cm.run("esbuild src/main.js --bundle --sourcemap --outfile=dist/zoo.js", cwd=big, env=w372.tool_env(),
           timeout=300)
    run_cap("sme-tsv-inline", "source-map-explorer dist/inline.js --tsv --no-border-checks", d, n_sme_tsv)
    run_cap("sme-tsv-iife", "source-map-explorer dist/zoo.iife.js --tsv --no-border-checks", d, n_sme_tsv)
    run_cap("sme-tsv-split", "source-map-explorer 'dist/split/*.js' --tsv --no-border-checks", d, n_sme_tsv)
    run_cap("sme-tsv-big", "source-map-explorer dist/zoo.js --tsv --no-border-checks", big, n_sme_tsv)


# --- rsbuild

def gen_rsbuild_app(root: Path, n: int, fault: str, k: int) -> None:
    r = rng(k)
    src = root / "src"
    (src / "animals").mkdir(parents=True, exist_ok=True)
    (src / "styles").mkdir(parents=True, exist_ok=True)
    (root / "package.json").write_text(json.dumps({"name": "menagerie-web", "private": True, "type": "module"})
                                       + "\n")
    imps = []
    for i in range(n):
        extra = ""
        if fault == "missing" and i % 11 == 4:
            extra = f"import {{ weigh }} from '../scales/weigh-{i}';\nexport const weigh{i} = weigh;\n"
        if fault == "syntax" and i == 7:
            extra = "export const broken = (kg: number => kg * 2;\n"
        (src / "animals" / f"{slug(i)}.ts").write_text(
            extra + f"import '../styles/{slug(i)}.css';\nexport function feed{i}(kg: number): string {{\n"
            f"  return '{ANIMALS[i % 16]} at {ENCLOSURES[i % 10]}: ' + kg.toFixed(2) + 'kg';\n}}\n"
            + "".join(f"export const note{i}_{q} = '{KEEPERS[q % 10]} round {q}';\n" for q in range(r.randrange(0, 50))))
        css = gen_css(2, "", i * 2, nest=False, k=k * 100 + i)
        if fault == "css" and i % 13 == 6:
            css += f".gate-{i} {{ color: red;; width: 10px\n.sign-{i} {{ }}}}\n"
        (src / "styles" / f"{slug(i)}.css").write_text(css)
        if i % 4:
            imps.append(f"import {{ feed{i} }} from './animals/{slug(i)}';")
        else:
            imps.append(f"const feed{i} = (n: number) => import('./animals/{slug(i)}').then((m) => m.feed{i}(n));")
    (src / "index.ts").write_text("\n".join(imps) + "\ndocument.body.textContent = ["
                                  + ", ".join(f"feed{i}(1.5)" for i in range(n)) + "].join(' / ');\n")


def cap_rsbuild(tmp: Path) -> None:
    for j, (n, fault) in enumerate(((50, ""), (160, ""), (30, "syntax"), (40, "missing"), (30, "css"))):
        d = app_dir(tmp, f"rsbuild-{n}-{fault or 'ok'}")
        gen_rsbuild_app(d, n, fault, 130 + j)
        run_cap(f"rsbuild-{n}-{fault or 'ok'}", "rsbuild build", d, n_rsbuild, timeout=400)


# --- browserslist

def cap_browserslist(tmp: Path) -> None:
    d = app_dir(tmp, "browserslist")
    (d / ".browserslistrc").write_text("[production]\nbaseline widely available\n\n[kiosk]\nchrome >= 110\n"
                                       "edge >= 110\n\n[signage]\nextends browserslist-config-menagerie\n")
    run_cap("browserslist-baseline", "browserslist --coverage 'baseline widely available' && "
            "browserslist 'baseline widely available'", d, n_browserslist)
    run_cap("browserslist-alt-eu", "browserslist --coverage=alt-eu '> 1% in alt-eu, last 1 version' && "
            "browserslist '> 1% in alt-eu, last 1 version'", d, n_browserslist)
    run_cap("browserslist-fully-supports", "browserslist 'fully supports css-container-queries, node >= 18'", d,
            n_browserslist)
    run_cap("browserslist-env-errors", "BROWSERSLIST_ENV=signage browserslist; browserslist 'safari 99'; "
            "BROWSERSLIST_ENV=kiosk browserslist; browserslist 'defaults, not op_mini all'", d, n_browserslist)


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
