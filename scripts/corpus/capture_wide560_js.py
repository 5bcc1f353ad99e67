"""Round 560, front-end checkers and builds: `cloche`, a glasshouse nursery's apps written here (a Svelte app of bench
and propagator components, a Vue app of grower and misting components, stylesheets for the benches, a webpack project
of schedulers), seeded by seed 56010 with faults put in: wrong prop and value types, a misspelt field, an unknown
identifier, a missing import, an img without alt, a click handler without key handler, an unused CSS selector, a
`v-for` without `:key`, an invalid hex colour, an unknown property or unit, a duplicate selector or property, a
missing module, a missing export, oversized assets. Every kind's extractor is here, new, its docstring's first line
the rule (NEEDLES.md's "Round 560"). Run through capture_wide560.py."""

from __future__ import annotations

import json
import random
import re
import shutil
from pathlib import Path

from capture_more import groups, kind, mask, run, write_tree
from capture_wide560 import JS, add, cap

SEED = 56010
NM = JS / "node_modules"
EXIT = re.compile(r"^EXIT=\d+$")


def _exit(lines):
    """Round 9b's shell-status: the EXIT=N line an agent's `; echo EXIT=$?` printed."""
    return [ln for ln in lines if EXIT.match(ln.strip())]


# ================================================================== extractors

@kind("svelte-check-machine", "lint")
def n_sc_machine(lines):
    """Every ERROR line; WARNING lines one {any} per (file, message shape); the COMPLETED line."""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r'^\d+\s+(ERROR|WARNING)\s+"([^"]*)"\s+\d+:\d+\s+"(.*)"\s*$', ln)
        if m:
            if m.group(1) == "ERROR":
                out.append(ln)
            else:
                pairs.append(((m.group(2), mask(m.group(3))), ln))
        elif re.match(r"^\d+\s+COMPLETED\b", ln):
            out.append(ln)
    return out + groups(pairs) + _exit(lines)


@kind("svelte-check-machine-verbose", "lint")
def n_sc_machine_verbose(lines):
    """Every "type":"ERROR" line; "type":"WARNING" lines one {any} per (filename, code or message shape); COMPLETED."""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^\d+\s+(\{.*\})\s*$", ln)
        if m:
            try:
                d = json.loads(m.group(1))
            except ValueError:
                continue
            if d.get("type") == "ERROR":
                out.append(ln)
            elif d.get("type") == "WARNING":
                code = d.get("code")
                pairs.append(((d.get("filename"), code if code not in (None, "") else mask(d.get("message", ""))), ln))
        elif re.match(r"^\d+\s+COMPLETED\b", ln):
            out.append(ln)
    return out + groups(pairs) + _exit(lines)


@kind("svelte-check-human-verbose", "lint")
def n_sc_human_verbose(lines):
    """Every Error: line with the path:line:col line opening its block; Warn: one {any} per (file, shape); found-N line."""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        m = re.match(r"^(Error|Warn):", ln.strip())
        if m:
            loc = None
            for k in range(i - 1, max(-1, i - 3), -1):
                if re.match(r"^\S.*:\d+:\d+\s*$", lines[k]):
                    loc = lines[k]
                    break
            if m.group(1) == "Error":
                out += [loc, ln]
            else:
                f = re.sub(r":\d+:\d+\s*$", "", loc) if loc else None
                pairs.append(((f, mask(ln)), ln))
        elif "svelte-check found" in ln:
            out.append(ln)
    return out + groups(pairs) + _exit(lines)


def _stylish(lines):
    out, pairs, cur = [], [], None
    for ln in lines:
        if ln.startswith("/"):
            cur = ln
            continue
        m = re.match(r"^\s+\d+:\d+\s+(error|warning)\s+(.*)$", ln)
        if m:
            if m.group(1) == "error":
                out += [ln, cur]
            else:
                rule = re.split(r"\s{2,}", m.group(2).strip())[-1]
                pairs.append(((rule, cur), ln))
        elif re.match(r"^✖ \d+ problems?", ln.strip()):
            out.append(ln)
    return out + groups(pairs) + _exit(lines)


@kind("eslint-vue", "lint")
def n_eslint_vue(lines):
    """Every error finding (Parsing error too) with its file header; warnings one {any} per (rule, file); ✖ N problems."""
    return _stylish(lines)


@kind("eslint-svelte", "lint")
def n_eslint_svelte(lines):
    """Every error finding (Parsing error too) with its file header; warnings one {any} per (rule, file); ✖ N problems."""
    return _stylish(lines)


@kind("vue-tsc-pretty", "lint")
def n_vue_tsc_pretty(lines):
    """Every file:line:col - error TS line; the Found N errors line; every row of the Errors  Files table, header too."""
    out, table = [], False
    for ln in lines:
        if re.match(r"^\S+:\d+:\d+ - error TS\d+", ln):
            out.append(ln)
        elif re.match(r"^Found \d+ errors?\b", ln):
            out.append(ln)
        elif re.match(r"^Errors\s+Files\s*$", ln):
            table = True
            out.append(ln)
        elif table:
            if re.match(r"^\s+\d+\s+\S", ln):
                out.append(ln)
            elif ln.strip():
                table = False
    return out + _exit(lines)


@kind("stylelint-compact", "lint")
def n_stylelint_compact(lines):
    """Findings one {any} per (rule, file); every CssSyntaxError finding its own needle."""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^(.+?): line \d+, col \d+, (error|warning) - .*\(([^()\s]+)\)\s*$", ln)
        if m:
            if m.group(3) == "CssSyntaxError":
                out.append(ln)
            else:
                pairs.append(((m.group(3), m.group(1)), ln))
        elif "CssSyntaxError" in ln:
            out.append(ln)
    return out + groups(pairs) + _exit(lines)


@kind("stylelint-unix", "lint")
def n_stylelint_unix(lines):
    """Findings one {any} per (rule, file); every CssSyntaxError line its own needle; the N problems line."""
    out, pairs = [], []
    for ln in lines:
        m = re.match(r"^(.+?):\d+:\d+: .*\(([^()\s]+)\) \[(error|warning)\]\s*$", ln)
        if m:
            if m.group(2) == "CssSyntaxError":
                out.append(ln)
            else:
                pairs.append(((m.group(2), m.group(1)), ln))
        elif "CssSyntaxError" in ln:
            out.append(ln)
        elif re.match(r"^\d+ problems?\s*$", ln.strip()):
            out.append(ln)
    return out + groups(pairs) + _exit(lines)


@kind("stylelint-tap", "lint")
def n_stylelint_tap(lines):
    """Every not ok N - file line; message: lines one {any} per (ruleId, file); the 1..N plan line."""
    out, pairs, cur = [], [], None
    for i, ln in enumerate(lines):
        if re.match(r"^not ok \d+", ln):
            out.append(ln)
            cur = ln
        elif re.match(r"^ok \d+", ln):
            cur = None
        elif re.match(r"^1\.\.\d+\s*$", ln):
            out.append(ln)
        elif re.match(r"^\s*(- )?message:", ln) and cur:
            rule = None
            for k in range(i + 1, min(len(lines), i + 12)):
                if re.match(r"^\s*(- )?message:", lines[k]):
                    break
                r = re.match(r"^\s*ruleId:\s*(\S+)", lines[k])
                if r:
                    rule = r.group(1)
                    break
            if rule is None:
                r = re.search(r"\(([^()\s]+)\)\W*$", ln)
                rule = r.group(1) if r else None
            pairs.append(((rule, cur), ln))
    return out + groups(pairs) + _exit(lines)


def _wp_blocks(lines):
    out, pairs = [], []
    for i, ln in enumerate(lines):
        m = re.match(r"^(ERROR|WARNING) in (.*)$", ln)
        if m:
            msg = None
            for k in range(i + 1, min(len(lines), i + 8)):
                if lines[k].strip():
                    msg = None if re.match(r"^(ERROR|WARNING) in ", lines[k]) else lines[k]
                    break
            if m.group(1) == "ERROR":
                out += [ln, msg]
            else:
                f = (m.group(2).split() or [""])[0]
                pairs.append(((f, mask(msg or ln)), msg or ln))
        elif re.match(r"^(\S+ \S+: )?webpack( \S+)? compiled\b", ln):  # detailed stats date it
            out.append(ln)
    return out, pairs


@kind("webpack-stats-errors-warnings", "build")
def n_wp_errors_warnings(lines):
    """Every ERROR in line with its first message line; WARNING in blocks one {any} per (file, shape); compiled line."""
    out, pairs = _wp_blocks(lines)
    return out + groups(pairs) + _exit(lines)


_UNITS = {"bytes": 1, "KiB": 1024, "MiB": 1024 ** 2}


@kind("webpack-stats-detailed", "build")
def n_wp_detailed(lines):
    """Errors and warnings as errors-warnings; largest and smallest asset rows; Entrypoint lines; flagged modules."""
    out, pairs = _wp_blocks(lines)
    assets = []
    for ln in lines:
        m = re.match(r"^asset \S+ ([\d.]+) (bytes|KiB|MiB)\b", ln)
        if m:
            assets.append((float(m.group(1)) * _UNITS[m.group(2)], ln))
        elif re.match(r"^Entrypoint ", ln):
            out.append(ln)
        elif re.search(r"\[\d+ (errors?|warnings?)\]", ln):
            out.append(ln)
    if assets:
        out += [max(assets)[1], min(assets)[1]]
    return out + groups(pairs) + _exit(lines)


@kind("purgecss-rejected", "json")
def n_purgecss(lines):
    """Every "file": line and every rejected selector line; count lines when the command counts."""
    out, inside = [], False
    for ln in lines:
        s = ln.strip()
        if s.startswith('"file":'):
            out.append(ln)
        elif re.match(r'^"rejected":\s*\[\s*$', s):
            inside = True
        elif inside:
            if s.startswith("]"):
                inside = False
            elif s.strip('",'):
                out.append(ln)
        elif re.match(r"^\d+$", s):
            out.append(ln)
    return out + _exit(lines)


# ================================================================== material: cloche, a glasshouse nursery

GENERA = ["Begonia", "Pelargonium", "Fuchsia", "Streptocarpus", "Hoya", "Peperomia", "Calathea", "Echeveria",
          "Aloe", "Salvia", "Tomato", "Chilli", "Basil", "Coleus", "Cyclamen", "Primula", "Orchis", "Dendrobium"]
WORDS = ["bench", "propagator", "mister", "shade", "vent", "heater", "tray", "plug", "cutting", "seedling",
         "potting", "watering", "grower", "label", "batch", "frame", "ridge", "gutter", "sensor", "sowing"]

TYPES_TS = """export interface Plant { genus: string; cultivar: string; sown: string; count: number }
export interface Bench { id: number; name: string; trays: number; humidity: number; photo: string; plants: Plant[] }
export interface Propagator { id: number; bench: Bench; setpoint: number; heated: boolean }
export interface Grower { name: string; benches: Bench[]; shift: "early" | "late" }
export function dewPoint(tempC: number, rh: number): number { return tempC - (100 - rh) / 5; }
"""


def _name(rng: random.Random, i: int) -> str:
    return rng.choice(WORDS).capitalize() + rng.choice(WORDS).capitalize() + str(i)


SV_FAULTS = [
    "  let setpoint: number = \"{v}\";\n",
    "  const label: string = bench.trayz;\n",
    "  $: wet = humidityy > 80;\n",
    "  import Gauge from './Gauge{i}.svelte';\n",
    "  const dew: string = dewPoint(21, bench.humidity);\n",
    "  let shift: 'early' | 'late' = 'night';\n",
]


def svelte_app(root: Path, n: int, rng: random.Random, faults: float, body_lines: int) -> None:
    files = {"src/types.ts": TYPES_TS,
             "tsconfig.json": json.dumps({"compilerOptions": {"strict": True, "target": "ES2020", "module": "ESNext",
                                                              "moduleResolution": "bundler", "noEmit": True,
                                                              "verbatimModuleSyntax": True, "skipLibCheck": True,
                                                              "types": []},
                                          "include": ["src/**/*.ts", "src/**/*.svelte"]}, indent=2) + "\n",
             "package.json": '{"name": "cloche-benches", "private": true, "type": "module"}\n'}
    for i in range(n):
        nm = _name(rng, i)
        script = ("<script lang=\"ts\">\n  import type { Bench } from '../types';\n  import { dewPoint } from '../types';\n"
                  "  export let bench: Bench;\n  export let humidity: number = 60;\n  let trays: number = bench.trays;\n"
                  "  const dew = dewPoint(20, humidity);\n")
        for f in SV_FAULTS:
            if rng.random() < faults:
                script += f.format(v=rng.randint(18, 30), i=i)
        script += "</script>\n\n"
        markup = f'<section class="bench bench-{i}">\n  <h2>{{bench.name}} ({{trays}} trays, dew {{dew}})</h2>\n'
        if rng.random() < faults:
            markup += "  <img src={bench.photo}>\n"
        else:
            markup += "  <img src={bench.photo} alt={bench.name}>\n"
        if rng.random() < faults:
            markup += '  <div class="tray" on:click={() => trays++}>add a tray</div>\n'
        markup += "  {#each bench.plants as plant}\n    <p>{plant.genus} '{plant.cultivar}' x{plant.count}</p>\n"
        if rng.random() < faults:
            markup += "    <p>{plant.sownOn}</p>\n"
        markup += "  {/each}\n"
        for k in range(body_lines):
            g = rng.choice(GENERA)
            markup += f'  <p class="note-{k % 4}">{g} on {rng.choice(WORDS)} {k}: water {rng.randint(1, 9)} times a week</p>\n'
        markup += "</section>\n\n"
        style = "<style>\n  .bench { padding: 4px; }\n  h2 { font-weight: 600; }\n"
        if rng.random() < faults:
            style += f"  .unused-{rng.choice(WORDS)} {{ margin: 0; }}\n"
        for k in range(4):
            style += f"  .note-{k} {{ color: #{rng.randint(0, 0xffffff):06x}; }}\n"
        style += "</style>\n"
        files[f"src/lib/{nm}.svelte"] = script + markup + style
    write_tree(root, files)
    (root / "node_modules").symlink_to(NM)


VUE_FAULTS = [
    "const setpoint: number = '{v}'\n",
    "const label: string = props.grower.nam\n",
    "const wet = humidityy.value > 80\n",
    "import Gauge from './Gauge{i}.vue'\n",
    "const dew: string = dewPoint(21, props.humidity ?? 60)\n",
    "const shift: Grower['shift'] = 'night'\n",
]


def vue_app(root: Path, n: int, rng: random.Random, faults: float, body_lines: int) -> None:
    files = {"src/types.ts": TYPES_TS,
             "tsconfig.json": json.dumps({"compilerOptions": {"strict": True, "target": "ES2020", "module": "ESNext",
                                                              "moduleResolution": "bundler", "noEmit": True,
                                                              "jsx": "preserve", "skipLibCheck": True, "types": []},
                                          "include": ["src/**/*.ts", "src/**/*.vue"]}, indent=2) + "\n",
             "package.json": '{"name": "cloche-growers", "private": true, "type": "module"}\n'}
    for i in range(n):
        nm = _name(rng, i)
        script = ("<script setup lang=\"ts\">\nimport { ref, computed } from 'vue'\n"
                  "import type { Grower } from '../types'\nimport { dewPoint } from '../types'\n"
                  "const props = defineProps<{ grower: Grower; humidity?: number }>()\n"
                  "const trays = ref<number>(props.grower.benches.length)\n"
                  "const dew = computed(() => dewPoint(20, props.humidity ?? 60))\n")
        for f in VUE_FAULTS:
            if rng.random() < faults:
                script += f.format(v=rng.randint(18, 30), i=i)
        script += "</script>\n\n"
        tpl = (f'<template>\n  <section class="grower grower-{i}">\n'
               "    <h2>{{ grower.name }} ({{ trays }} benches, dew {{ dew }})</h2>\n")
        if rng.random() < faults:
            tpl += '    <li v-for="bench in grower.benches">{{ bench.name }}</li>\n'
        else:
            tpl += '    <li v-for="bench in grower.benches" :key="bench.id">{{ bench.name }}</li>\n'
        if rng.random() < faults:
            tpl += '    <p v-if="grower.shift === \'early\'" v-for="b in grower.benches" :key="b.id">{{ b.trays }}</p>\n'
        if rng.random() < faults:
            tpl += "    <p>{{ grower.shiftt }}</p>\n"
        if rng.random() < faults:
            tpl += '    <div v-html="grower.name"></div>\n'
        for k in range(body_lines):
            tpl += (f'    <p class="note-{k % 4}">{rng.choice(GENERA)} on {rng.choice(WORDS)} {k}: '
                    f'mist {rng.randint(1, 9)} times a day</p>\n')
        tpl += "  </section>\n</template>\n"
        files[f"src/components/{nm}.vue"] = script + "\n" + tpl
    write_tree(root, files)
    (root / "node_modules").symlink_to(NM)


ESLINT_VUE = """import pluginVue from "eslint-plugin-vue";
import tseslint from "typescript-eslint";
export default [
  ...pluginVue.configs["flat/recommended"],
  { files: ["**/*.vue"], languageOptions: { parserOptions: { parser: tseslint.parser } },
    rules: { "vue/no-unused-vars": "error", "vue/require-v-for-key": "error", "vue/no-v-html": "warn",
             "vue/multi-word-component-names": "off" } },
];
"""

ESLINT_SVELTE = """import svelte from "eslint-plugin-svelte";
import tseslint from "typescript-eslint";
export default [
  ...svelte.configs["flat/recommended"],
  { files: ["**/*.svelte"], languageOptions: { parserOptions: { parser: tseslint.parser } },
    rules: { "svelte/valid-compile": ["error", { ignoreWarnings: false }], "svelte/no-at-html-tags": "error",
             "svelte/require-each-key": "warn", "svelte/button-has-type": "warn" } },
];
"""

CSS_FAULTS = [
    "  color: #{bad};\n",
    "  colr: red;\n",
    "  width: 12pixels;\n",
    "  margin: 0;\n  margin: 2px;\n",
    "}}\n\n.{w} {{\n}}\n\n.{w2} {{\n",
    "  font-family: Helvetica;\n",
    "  color: red;\n",
]

STYLELINT = {"rules": {"color-no-invalid-hex": True, "property-no-unknown": True, "unit-no-unknown": True,
                       "declaration-block-no-duplicate-properties": True, "block-no-empty": True,
                       "no-duplicate-selectors": True,
                       "font-family-no-missing-generic-family-keyword": [True, {"severity": "warning"}],
                       "color-named": ["never", {"severity": "warning"}],
                       "selector-pseudo-class-no-unknown": True}}


def css_tree(root: Path, n: int, rng: random.Random, rules_per: int, faults: float, syntax_error: bool) -> None:
    files = {".stylelintrc.json": json.dumps(STYLELINT, indent=2) + "\n"}
    for i in range(n):
        w = rng.choice(WORDS)
        css = f"/* cloche: {w} styles {i} */\n"
        used = set()
        for r in range(rules_per):
            sel = f".{w}-{rng.choice(WORDS)}"
            if sel in used and rng.random() > faults:
                sel += f"-{r}"
            used.add(sel)
            css += f"{sel}{':hovr' if rng.random() < faults / 6 else ''} {{\n  padding: {rng.randint(0, 12)}px;\n"
            for f in CSS_FAULTS:
                if rng.random() < faults / 3:
                    css += f.format(bad=rng.choice(["ggg", "12345", "zz0"]), w=f"{w}-{r}-a", w2=f"{w}-{r}-b")
            css += f"  background: #{rng.randint(0, 0xffffff):06x};\n}}\n\n"
        if syntax_error and i == n // 2:
            css += ".broken {\n  color: red\n  margin 0;\n"
        files[f"styles/{w}-{i}.css"] = css
    write_tree(root, files)
    (root / "node_modules").symlink_to(NM)


WEBPACK_CONFIG = """const path = require("path");
module.exports = {
  mode: "production",
  entry: { %s },
  output: { path: path.resolve(__dirname, "dist"), filename: "[name].js" },
  performance: { hints: "warning", maxAssetSize: %d, maxEntrypointSize: %d },
  optimization: { emitOnErrors: true },
  stats: { colors: false },
};
"""


def webpack_app(root: Path, n: int, rng: random.Random, faults: float, pad: int) -> None:
    entries = []
    files = {"src/util.js": "export function dew(t, rh) { return t - (100 - rh) / 5; }\n"
                            "export const BENCHES = 24;\n"}
    for i in range(n):
        nm = f"{rng.choice(WORDS)}{i}"
        entries.append(f'"{nm}": "./src/{nm}.js"')
        js = 'import { dew, BENCHES } from "./util";\n'
        if rng.random() < faults:
            js += f'import {{ misting{i} }} from "./util";\n'
        if rng.random() < faults / 2:
            js += f'import shade from "./shade-{rng.choice(WORDS)}";\n'
        if rng.random() < faults / 3:
            js += 'import fs from "fs";\n'
        js += f"const table = [\n"
        for k in range(pad):
            js += (f'  {{ bench: {k}, genus: "{rng.choice(GENERA)}", note: "{rng.choice(WORDS)} {rng.choice(WORDS)} '
                   f'{rng.randint(0, 10**9)}", rh: {rng.randint(40, 99)} }},\n')
        js += "];\n"
        js += ("export function schedule() {\n  return table.map((r) => ({ ...r, dew: dew(20, r.rh), of: BENCHES"
               + (f", mist: misting{i}" if f"misting{i}" in js else "") + " }));\n}\nconsole.log(schedule().length);\n")
        files[f"src/{nm}.js"] = js
    files["webpack.config.js"] = WEBPACK_CONFIG % (", ".join(entries), 16_000, 30_000)
    files["package.json"] = '{"name": "cloche-schedulers", "private": true}\n'
    write_tree(root, files)
    (root / "node_modules").symlink_to(NM)


def purge_tree(root: Path, n: int, rng: random.Random, selectors: int) -> None:
    files = {}
    for i in range(n):
        w = rng.choice(WORDS)
        sels = [f"{w}-{rng.choice(WORDS)}-{k}" for k in range(selectors)]
        css = "".join(f".{s} {{ margin: {k % 7}px; }}\n" for k, s in enumerate(sels))
        used = [s for s in sels if rng.random() < 0.8]
        html = "<main>\n" + "".join(f'  <div class="{s}">{rng.choice(GENERA)}</div>\n' for s in used) + "</main>\n"
        files[f"css/{w}-{i}.css"] = css
        files[f"pages/{w}-{i}.html"] = html
    write_tree(root, files)
    (root / "node_modules").symlink_to(NM)


# ================================================================== steps

ENV = {"NODE_OPTIONS": "--max-old-space-size=1536"}


def cap_svelte(tmp: Path) -> None:
    rng = random.Random(SEED)
    specs = [("a", 6, 0.5, 4), ("b", 22, 0.45, 8), ("c", 60, 0.4, 12)]
    for tag, n, faults, body in specs:
        app = tmp / f"svelte-{tag}"
        svelte_app(app, n, rng, faults, body)
        cap(f"svelte-check-machine-{tag}", "npx svelte-check --output machine", app, n_sc_machine, timeout=400, env=ENV)
        cap(f"svelte-check-machine-verbose-{tag}", "npx svelte-check --output machine-verbose", app,
            n_sc_machine_verbose, timeout=400, env=ENV)
        cap(f"svelte-check-human-verbose-{tag}", "npx svelte-check --output human-verbose", app, n_sc_human_verbose,
            timeout=400, env=ENV)
        (app / "eslint.config.js").write_text(ESLINT_SVELTE)
        cap(f"eslint-svelte-{tag}", "npx eslint src/lib", app, n_eslint_svelte, timeout=400, env=ENV)
    app = tmp / "svelte-b"
    cap("svelte-check-machine-threshold", "npx svelte-check --output machine --threshold error; echo EXIT=$?", app,
        n_sc_machine, timeout=400, env=ENV)


def cap_vue(tmp: Path) -> None:
    rng = random.Random(SEED + 1)
    specs = [("a", 5, 0.5, 4), ("b", 20, 0.45, 10), ("c", 70, 0.4, 14)]
    for tag, n, faults, body in specs:
        app = tmp / f"vue-{tag}"
        vue_app(app, n, rng, faults, body)
        cap(f"vue-tsc-pretty-{tag}", "npx vue-tsc --noEmit --pretty", app, n_vue_tsc_pretty, timeout=400, env=ENV)
        (app / "eslint.config.js").write_text(ESLINT_VUE)
        quiet = " --quiet" if n > 40 else ""  # the large app's stylistic warnings run past 300 KB: errors only
        cap(f"eslint-vue-{tag}", f"npx eslint src/components{quiet}", app, n_eslint_vue, timeout=400, env=ENV)
    cap("vue-tsc-pretty-tail", "npx vue-tsc --noEmit --pretty 2>&1 | tail -n 60; echo EXIT=$?", tmp / "vue-b",
        n_vue_tsc_pretty, timeout=400, env=ENV)


def cap_stylelint(tmp: Path) -> None:
    rng = random.Random(SEED + 2)
    specs = [("a", 4, 8, 0.5, False), ("b", 18, 14, 0.4, True), ("c", 36, 12, 0.3, True)]
    for tag, n, per, faults, syn in specs:
        root = tmp / f"css-{tag}"
        css_tree(root, n, rng, per, faults, syn)
        g = '"styles/**/*.css"'
        cap(f"stylelint-compact-{tag}", f"npx stylelint {g} -f compact", root, n_stylelint_compact, timeout=300)
        cap(f"stylelint-unix-{tag}", f"npx stylelint {g} -f unix", root, n_stylelint_unix, timeout=300)
        cap(f"stylelint-tap-{tag}", f"npx stylelint {g} -f tap", root, n_stylelint_tap, timeout=300)


def cap_webpack(tmp: Path) -> None:
    rng = random.Random(SEED + 3)
    specs = [("a", 4, 0.5, 40), ("b", 14, 0.45, 300), ("c", 40, 0.4, 500)]
    for tag, n, faults, pad in specs:
        app = tmp / f"webpack-{tag}"
        webpack_app(app, n, rng, faults, pad)
        cap(f"webpack-detailed-{tag}", "npx webpack --stats detailed", app, n_wp_detailed, timeout=400, env=ENV)
        shutil.rmtree(app / "dist", ignore_errors=True)  # a fresh build again, not one whose assets are cached
        cap(f"webpack-errors-warnings-{tag}", "npx webpack --stats errors-warnings", app, n_wp_errors_warnings,
            timeout=400, env=ENV)


def cap_purgecss(tmp: Path) -> None:
    rng = random.Random(SEED + 4)
    for tag, n, sel in [("a", 3, 30), ("b", 12, 60), ("c", 30, 90)]:
        root = tmp / f"purge-{tag}"
        purge_tree(root, n, rng, sel)
        add_cmd = "npx purgecss --css 'css/*.css' --content 'pages/*.html' --rejected | jq '.[] | {file, rejected}'"
        cap(f"purgecss-rejected-{tag}", add_cmd, root, n_purgecss, timeout=200)
    root = tmp / "purge-b"
    cap("purgecss-rejected-count", "npx purgecss --css 'css/*.css' --content 'pages/*.html' --rejected "
        "| jq '.[] | {file, rejected}, (.rejected | length)'; echo EXIT=$?", root, n_purgecss, timeout=200)


STEPS = [cap_svelte, cap_vue, cap_stylelint, cap_webpack, cap_purgecss]
