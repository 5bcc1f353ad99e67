"""Round 573, second samples of round 560's kinds: `rackhouse`, a cider press's apps written here (a Svelte app of
press and rack components, a Vue app of batch and presser components, stylesheets for the press hall, a webpack
project of yield calculators, purgecss trees of stylesheets and HTML/Vue pages), seeded 57310-57314, with faults other
than round 560's: bad props to child components, components and stores used without their import, a11y warnings,
unused exports, mutated props, unknown at-rules, duplicate selectors far apart, a syntax error in a module, an
expression-valued require, missing exports, circular imports. The extractors are round 560's, imported by module and
function. Run through capture_wide573.py."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import capture_wide560_js as r560  # round 560's extractors and its ESLint and webpack configs, unchanged
from capture_more import write_tree
from capture_wide573 import JS, cap

NM = JS / "node_modules"
SEED = 57310

APPLES = ["Dabinett", "Kingston Black", "Yarlington Mill", "Michelin", "Harry Masters Jersey", "Foxwhelp",
          "Brown Snout", "Chisel Jersey", "Ellis Bitter", "Tremlett's Bitter", "Stoke Red", "Browns", "Sweet Coppin",
          "Porter's Perfection", "Somerset Redstreak", "Major", "Bulmer's Norman", "Vilberie"]
WORDS = ["pomace", "rack", "cloth", "presser", "mill", "cheese", "juice", "vat", "keg", "tun", "yield", "scratter",
         "barrel", "lees", "sweating", "orchard", "tally", "bottling", "racking", "screw"]

TYPES_TS = """export interface Cloth { id: number; weave: string; washes: number }
export interface Rack { id: number; cloths: Cloth[]; depthMm: number; pressure: number }
export interface Batch { id: number; apple: string; kilos: number; litres: number; racks: Rack[]; pressedBy: string }
export interface Presser { name: string; batches: Batch[]; shift: "dawn" | "dusk" }
"""
PRESS_TS = """import { rackYield } from './racks';
import type { Batch } from './types';
export const PRESS_BAR = 6;
export function litresOf(b: Batch): number { return b.racks.reduce((s, r) => s + rackYield(r, PRESS_BAR), 0); }
"""
RACKS_TS = """import { PRESS_BAR } from './press';
import type { Rack } from './types';
export function rackYield(r: Rack, bar: number = PRESS_BAR): number { return r.depthMm * bar * 0.01; }
"""


def _name(rng: random.Random, i: int) -> str:
    return rng.choice(WORDS).capitalize() + rng.choice(WORDS).capitalize() + str(i)


# ------------------------------------------------------------------ Svelte

SV_RACKCARD = """<script lang="ts">
  import type { Rack } from '../types';
  export let rack: Rack;
  export let cloths: number;
  export let note: string = '';
  export let pressedAt: string = '';
</script>

<div class="rack">Rack {rack.id}: {cloths} cloths {note}</div>

<style>
  .rack { border: 1px solid #8a5a2b; }
  .rack-stale { opacity: 0.4; }
</style>
"""
SV_GAUGE = """<script lang="ts">
  export let litres: number;
</script>

<meter min="0" max="400" value={litres}>{litres} l</meter>
"""
SV_STORES = "import { writable } from 'svelte/store';\nexport const pressQueue = writable<number[]>([]);\n"

SV_SCRIPT_FAULTS = [
    "  export let pressedBy{i}: string = '';\n",
    "  const total = $pressQueue.length;\n",
    "  let depth: number = batch.racks[0].depthmm;\n",
]
SV_MARKUP_FAULTS = [
    '  <RackCard rack={{batch.racks[0]}} cloths="{n}" />\n',
    '  <RackCard rack={{batch.racks[0]}} cloths={{cloths}} colour="amber" />\n',
    "  <RackCard cloths={{cloths}} />\n",
    "  <YieldGauge litres={{batch.litres}} />\n",
    "  <a on:click={{() => cloths++}}>press again</a>\n",
    '  <div tabindex="{n}">rack order</div>\n',
    "  <input autofocus bind:value={{batch.apple}} />\n",
    "  <label>Pressure</label>\n",
    "  <div on:mouseover={{() => cloths--}}>hover to drain</div>\n",
    '  <a href="#">tally</a>\n',
]


def svelte_app(root: Path, n: int, rng: random.Random, faults: float, body_lines: int) -> None:
    files = {"src/types.ts": TYPES_TS, "src/press.ts": PRESS_TS, "src/racks.ts": RACKS_TS, "src/stores.ts": SV_STORES,
             "src/lib/RackCard.svelte": SV_RACKCARD, "src/lib/YieldGauge.svelte": SV_GAUGE,
             "tsconfig.json": json.dumps({"compilerOptions": {"strict": True, "target": "ES2020", "module": "ESNext",
                                                              "moduleResolution": "bundler", "noEmit": True,
                                                              "verbatimModuleSyntax": True, "skipLibCheck": True,
                                                              "types": []},
                                          "include": ["src/**/*.ts", "src/**/*.svelte"]}, indent=2) + "\n",
             "package.json": '{"name": "rackhouse-press", "private": true, "type": "module"}\n'}
    for i in range(n):
        nm = _name(rng, i)
        script = ("<script lang=\"ts\">\n  import RackCard from './RackCard.svelte';\n"
                  "  import type { Batch } from '../types';\n  import { litresOf } from '../press';\n"
                  "  export let batch: Batch;\n  let cloths: number = 6;\n  const litres = litresOf(batch);\n")
        for f in SV_SCRIPT_FAULTS:
            if rng.random() < faults:
                script += f.format(i=i)
        script += "</script>\n\n"
        markup = (f'<article class="press press-{i}">\n  <h3>{{batch.apple}}: {{batch.kilos}} kg, {{litres}} l</h3>\n'
                  "  <RackCard rack={batch.racks[0]} cloths={cloths} />\n")
        for f in SV_MARKUP_FAULTS:
            if rng.random() < faults / 2:
                markup += f.format(n=rng.randint(2, 9))
        for k in range(body_lines):
            markup += (f'  <p class="line-{k % 3}">{rng.choice(APPLES)} in {rng.choice(WORDS)} {k}: '
                       f'{rng.randint(20, 400)} kg at {rng.randint(2, 9)} bar</p>\n')
        markup += "</article>\n\n"
        style = "<style>\n  .press { margin: 2px; }\n  h3 { font-size: 1.1rem; }\n"
        if rng.random() < faults:
            style += f"  .{rng.choice(WORDS)}-unused {{ color: #7b3f00; }}\n"
        if rng.random() < faults / 2:
            style += "  article > span.tally { font-weight: bold; }\n"
        for k in range(3):
            style += f"  .line-{k} {{ color: #{rng.randint(0, 0xffffff):06x}; }}\n"
        style += "</style>\n"
        files[f"src/lib/{nm}.svelte"] = script + markup + style
    write_tree(root, files)
    (root / "node_modules").symlink_to(NM)


# ------------------------------------------------------------------ Vue

VUE_RACKCARD = """<script setup lang="ts">
import type { Rack } from '../types'
defineProps<{ rack: Rack; cloths: number; note?: string }>()
</script>

<template>
  <div class="rack">Rack {{ rack.id }}: {{ cloths }} cloths {{ note }}</div>
</template>
"""
VUE_SCRIPT_FAULTS = [
    "const total = computed(() => props.batch.litres * 2)\n",
    "watch(() => props.batch.kilos, (k) => console.log(k))\n",
    "import ClothLog from './ClothLog{i}.vue'\n",
    "function reset() {{ props.batch.litres = 0 }}\n",
    "const batch = ref<Batch | null>(null)\n",
    "const kilos: string = props.batch.kilos\n",
]
VUE_TPL_FAULTS = [
    '    <RackCard :rack="batch.racks[0]" cloths="{n}" />\n',
    '    <RackCard :rack="batch.racks[0]" :cloths="{n}" colour="amber" />\n',
    '    <RackCard :cloths="{n}" />\n',
    '    <p v-for="(r, idx) in batch.racks" :key="r.id">{{{{ r.depthMm }}}}</p>\n',
    '    <button @click="batch.kilos++">add a crate</button>\n',
    '    <RackCard :rack="batch.racks[0]" :cloths="{n}" :pressedBy="batch.pressedBy" />\n',
    "    <p>{{{{ batch.pressedby }}}}</p>\n",
]


def vue_app(root: Path, n: int, rng: random.Random, faults: float, body_lines: int) -> None:
    files = {"src/types.ts": TYPES_TS, "src/press.ts": PRESS_TS, "src/racks.ts": RACKS_TS,
             "src/components/RackCard.vue": VUE_RACKCARD,
             "tsconfig.json": json.dumps({"compilerOptions": {"strict": True, "target": "ES2020", "module": "ESNext",
                                                              "moduleResolution": "bundler", "noEmit": True,
                                                              "jsx": "preserve", "skipLibCheck": True, "types": []},
                                          "vueCompilerOptions": {"strictTemplates": True},
                                          "include": ["src/**/*.ts", "src/**/*.vue"]}, indent=2) + "\n",
             "package.json": '{"name": "rackhouse-batches", "private": true, "type": "module"}\n'}
    for i in range(n):
        nm = _name(rng, i)
        script = ("<script setup lang=\"ts\">\nimport { ref } from 'vue'\nimport RackCard from './RackCard.vue'\n"
                  "import type { Batch } from '../types'\nimport { litresOf } from '../press'\n"
                  "const props = defineProps<{ batch: Batch }>()\n"
                  "const crates = ref<number>(props.batch.racks.length)\nconst litres = litresOf(props.batch)\n")
        for f in VUE_SCRIPT_FAULTS:
            if rng.random() < faults:
                script += f.format(i=i)
        script += "</script>\n\n"
        tpl = (f'<template>\n  <article class="batch batch-{i}">\n'
               "    <h3>{{ batch.apple }}: {{ crates }} crates, {{ litres }} l</h3>\n"
               '    <RackCard :rack="batch.racks[0]" :cloths="6" />\n')
        for f in VUE_TPL_FAULTS:
            if rng.random() < faults / 2:
                tpl += f.format(n=rng.randint(2, 9))
        for k in range(body_lines):
            tpl += (f'    <p class="line-{k % 3}">{rng.choice(APPLES)} from {rng.choice(WORDS)} {k}: '
                    f'{rng.randint(20, 400)} kg, {rng.randint(1, 5)} racks</p>\n')
        tpl += "  </article>\n</template>\n"
        files[f"src/components/{nm}.vue"] = script + "\n" + tpl
    write_tree(root, files)
    (root / "node_modules").symlink_to(NM)


# ------------------------------------------------------------------ stylesheets

STYLELINT = {"rules": {"at-rule-no-unknown": True, "no-duplicate-selectors": True, "selector-type-no-unknown": True,
                       "media-feature-name-no-unknown": True,
                       "declaration-block-no-shorthand-property-overrides": True,
                       "keyframe-declaration-no-important": True, "function-calc-no-unspaced-operator": True,
                       "comment-no-empty": True, "color-no-invalid-hex": True, "property-no-unknown": True,
                       "no-descending-specificity": [True, {"severity": "warning"}],
                       "length-zero-no-unit": [True, {"severity": "warning"}],
                       "declaration-block-no-duplicate-properties": True}}

CSS_FAULTS = [
    "  @apply px-{n};\n",
    "  padding-top: 3px;\n  padding: 4px;\n",
    "  width: calc(100%-{n}px);\n",
    "  /* */\n",
    "  margin: 0px;\n",
]
CSS_TOP_FAULTS = [
    "@tailwind utilities;\n\n",
    "@screen md {{\n  .{w}-wide {{ width: 50%; }}\n}}\n\n",
    "@media (max-widht: 600px) {{\n  .{w}-narrow {{ width: 100%; }}\n}}\n\n",
    "pressrack > .{w} {{ color: #6b4226; }}\n\n",
    "@keyframes drip-{n} {{\n  from {{ opacity: 0 !important; }}\n  to {{ opacity: 1; }}\n}}\n\n",
    "@mixin pressed {{\n  color: brown;\n}}\n\n",
]


def css_tree(root: Path, n: int, rng: random.Random, rules_per: int, faults: float, syntax_error: bool) -> None:
    files = {".stylelintrc.json": json.dumps(STYLELINT, indent=2) + "\n"}
    for i in range(n):
        w = rng.choice(WORDS)
        css = f"/* rackhouse: {w} hall styles {i} */\n"
        sels = []
        for r in range(rules_per):
            sel = f".{w}-{rng.choice(WORDS)}-{r}"
            if sels and rng.random() < faults / 4:  # a duplicate of an earlier selector, far from it
                sel = rng.choice(sels)
            sels.append(sel)
            css += f"{sel} {{\n  margin: {rng.randint(1, 12)}px;\n"
            for f in CSS_FAULTS:
                if rng.random() < faults / 4:
                    css += f.format(n=rng.randint(1, 16))
            css += f"  border-color: #{rng.randint(0, 0xffffff):06x};\n}}\n\n"
            if rng.random() < faults / 3:
                css += rng.choice(CSS_TOP_FAULTS).format(w=w, n=r)
        if syntax_error and i == n // 3:
            css += ".rack-broken {\n  color: red;\n  content: \"unclosed;\n}\n"
        files[f"hall/{w}-{i}.css"] = css
    write_tree(root, files)
    (root / "node_modules").symlink_to(NM)


# ------------------------------------------------------------------ webpack

def webpack_app(root: Path, n: int, rng: random.Random, faults: float, pad: int) -> None:
    entries = []
    files = {"src/press.js": 'import { rackYield } from "./racks";\nexport const PRESS_BAR = 6;\n'
                             "export function litres(depth) { return rackYield(depth) * PRESS_BAR; }\n",
             "src/racks.js": 'import { PRESS_BAR } from "./press";\n'
                             "export function rackYield(depth) { return depth * 0.01 * (PRESS_BAR || 6); }\n"}
    for i in range(n):
        nm = f"{rng.choice(WORDS)}{i}"
        entries.append(f'"{nm}": "./src/{nm}.js"')
        js = 'import { litres, PRESS_BAR } from "./press";\nimport { rackYield } from "./racks";\n'
        extra = []
        if rng.random() < faults:
            js += f'import {{ clothCount{i} }} from "./racks";\n'
            extra.append(f"cloths: clothCount{i}")
        if rng.random() < faults / 2:
            js += f'import tally from "./tally-{rng.choice(WORDS)}";\n'
            extra.append("tally")
        if rng.random() < faults / 3:
            js += f'const sheet = require("./sheets/" + process.argv[{i % 3}]);\n'
            extra.append("sheet")
        if rng.random() < faults / 3:
            js += f"const lookup = (name) => require(name);\n"
            extra.append('lookup("./press")')
        js += "const batches = [\n"
        for k in range(pad):
            js += (f'  {{ rack: {k}, apple: "{rng.choice(APPLES)}", note: "{rng.choice(WORDS)} {rng.choice(WORDS)} '
                   f'{rng.randint(0, 10**9)}", depth: {rng.randint(30, 120)} }},\n')
        js += "];\n"
        js += ("export function pressing() {\n  return batches.map((b) => ({ ...b, litres: litres(b.depth), "
               "y: rackYield(b.depth), bar: PRESS_BAR" + "".join(", " + (e if ":" in e else f"x{j}: {e}")
                                                                 for j, e in enumerate(extra))
               + " }));\n}\nconsole.log(pressing().length);\n")
        if rng.random() < faults / 4:
            js += "export function broken( {\n  return 1;\n}\n"
        files[f"src/{nm}.js"] = js
    files["webpack.config.js"] = r560.WEBPACK_CONFIG % (", ".join(entries), 20_000, 40_000)
    files["package.json"] = '{"name": "rackhouse-yields", "private": true}\n'
    write_tree(root, files)
    (root / "node_modules").symlink_to(NM)


# ------------------------------------------------------------------ purgecss

def purge_tree(root: Path, n: int, rng: random.Random, selectors: int) -> None:
    files = {}
    for i in range(n):
        w = rng.choice(WORDS)
        sels = [f"{w}-{rng.choice(WORDS)}-{k}" for k in range(selectors)]
        css = "".join(f".{s} {{ padding: {k % 5}px; }}\n" for k, s in enumerate(sels))
        css += "".join(f".{s}:hover {{ color: #6b4226; }}\n" for s in sels[::7])
        used = [s for s in sels if rng.random() < 0.65]
        half = len(used) // 2
        html = "<main>\n" + "".join(f'  <div class="{s}">{rng.choice(APPLES)}</div>\n' for s in used[:half]) + "</main>\n"
        vue = ("<template>\n  <section>\n" + "".join(f'    <p class="{s}">{rng.choice(APPLES)}</p>\n'
                                                   for s in used[half:]) + "  </section>\n</template>\n"
               f"<script setup>\nconst cls = (n) => '{w}-' + n\n</script>\n")
        files[f"css/{w}-{i}.css"] = css
        files[f"pages/{w}-{i}.html"] = html
        files[f"views/{w.capitalize()}{i}.vue"] = vue
    write_tree(root, files)
    (root / "node_modules").symlink_to(NM)


# ================================================================== steps

ENV = {"NODE_OPTIONS": "--max-old-space-size=1536"}


def cap_svelte(tmp: Path) -> None:
    rng = random.Random(SEED)
    for tag, n, faults, body in [("a", 8, 0.5, 5), ("b", 26, 0.45, 8), ("c", 64, 0.4, 10)]:
        app = tmp / f"svelte-{tag}"
        svelte_app(app, n, rng, faults, body)
        cap(f"svelte-check-machine-{tag}", "npx svelte-check --output machine", app, r560.n_sc_machine,
            timeout=500, env=ENV)
        cap(f"svelte-check-machine-verbose-{tag}", "npx svelte-check --output machine-verbose", app,
            r560.n_sc_machine_verbose, timeout=500, env=ENV)
        cap(f"svelte-check-human-verbose-{tag}", "npx svelte-check --output human-verbose", app,
            r560.n_sc_human_verbose, timeout=500, env=ENV)
        (app / "eslint.config.js").write_text(r560.ESLINT_SVELTE)
        cap(f"eslint-svelte-{tag}", "npx eslint src/lib", app, r560.n_eslint_svelte, timeout=500, env=ENV)
    cap("svelte-check-human-verbose-head", "npx svelte-check --output human-verbose --threshold error 2>&1 "
        "| head -n 150; echo EXIT=$?", tmp / "svelte-b", r560.n_sc_human_verbose, timeout=500, env=ENV)


def cap_vue(tmp: Path) -> None:
    rng = random.Random(SEED + 1)
    for tag, n, faults, body in [("a", 6, 0.5, 5), ("b", 24, 0.45, 9), ("c", 64, 0.4, 12)]:
        app = tmp / f"vue-{tag}"
        vue_app(app, n, rng, faults, body)
        cap(f"vue-tsc-pretty-{tag}", "npx vue-tsc --noEmit --pretty", app, r560.n_vue_tsc_pretty, timeout=500, env=ENV)
        (app / "eslint.config.js").write_text(r560.ESLINT_VUE)
        quiet = " --quiet" if n > 40 else ""
        cap(f"eslint-vue-{tag}", f"npx eslint src/components{quiet}", app, r560.n_eslint_vue, timeout=500, env=ENV)
    cap("vue-tsc-pretty-grep", "npx vue-tsc --noEmit --pretty 2>&1 | grep -v '^ *$' | tail -n 80; echo EXIT=$?",
        tmp / "vue-c", r560.n_vue_tsc_pretty, timeout=500, env=ENV)


def cap_stylelint(tmp: Path) -> None:
    rng = random.Random(SEED + 2)
    for tag, n, per, faults, syn in [("a", 5, 10, 0.5, False), ("b", 16, 16, 0.4, True), ("c", 30, 14, 0.35, True)]:
        root = tmp / f"hall-{tag}"
        css_tree(root, n, rng, per, faults, syn)
        g = '"hall/**/*.css"'
        cap(f"stylelint-compact-{tag}", f"npx stylelint {g} -f compact", root, r560.n_stylelint_compact, timeout=300)
        cap(f"stylelint-unix-{tag}", f"npx stylelint {g} -f unix", root, r560.n_stylelint_unix, timeout=300)
        cap(f"stylelint-tap-{tag}", f"npx stylelint {g} -f tap", root, r560.n_stylelint_tap, timeout=300)


def cap_webpack(tmp: Path) -> None:
    rng = random.Random(SEED + 3)
    for tag, n, faults, pad in [("a", 5, 0.5, 60), ("b", 16, 0.45, 320), ("c", 56, 0.4, 520)]:
        app = tmp / f"webpack-{tag}"
        webpack_app(app, n, rng, faults, pad)
        cap(f"webpack-detailed-{tag}", "npx webpack --stats detailed", app, r560.n_wp_detailed, timeout=500, env=ENV)
        shutil.rmtree(app / "dist", ignore_errors=True)
        cap(f"webpack-errors-warnings-{tag}", "npx webpack --stats errors-warnings", app, r560.n_wp_errors_warnings,
            timeout=500, env=ENV)


def cap_purgecss(tmp: Path) -> None:
    rng = random.Random(SEED + 4)
    cmd = ("npx purgecss --css 'css/*.css' --content 'pages/*.html' 'views/*.vue' --rejected "
           "| jq '.[] | {file, rejected}'")
    for tag, n, sel in [("a", 4, 30), ("b", 12, 50), ("c", 28, 80)]:
        root = tmp / f"purge-{tag}"
        purge_tree(root, n, rng, sel)
        cap(f"purgecss-rejected-{tag}", cmd, root, r560.n_purgecss, timeout=200)
    cap("purgecss-rejected-count", "npx purgecss --css 'css/*.css' --content 'pages/*.html' 'views/*.vue' --rejected "
        "| jq '.[] | {file, rejected}, (.rejected | length)'; echo EXIT=$?", tmp / "purge-b", r560.n_purgecss,
        timeout=200)


STEPS = [cap_svelte, cap_vue, cap_stylelint, cap_webpack, cap_purgecss]
