"""Round 69's steps: small apps of a city bike-share (`pedalpoint`) with other mistakes put in than round 68's,
widened by seeded generators, run through the framework builds, checkers, dev servers and watchers of round 68.
Every extractor is round 68's, imported. Run through capture_wide69.py."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

from capture_more import run, start, write_tree
from capture_wide68_js import (  # round 68's extractors (its rules) and its process helpers
    bin_env, curl, link, n_astro_build, n_astro_check, n_eslint_react, n_next_build_failed, n_next_dev_log,
    n_nodemon, n_tailwind, n_tsc_watch, n_vite_build_svelte, n_vite_build_vue, n_vite_dev_log, n_webpack_watch,
    stop_group, wait_for)
from capture_wide69 import add, cap

STATIONS = ["harbour", "castle", "market", "quarry", "orchard", "library", "brewery", "foundry", "lighthouse",
            "canal", "meadow", "station", "stadium", "museum", "college", "chapel", "riverside", "tannery",
            "windmill", "viaduct", "granary", "ferry", "summit", "arcade", "cathedral", "depot", "gasworks", "mint"]
OUT = "/tmp/hm-corpus-wide69/out"


def serve(tmp: Path, name: str, cmd: str, cwd: Path, env: dict, ready: str, actions) -> str:
    """Start a dev server, wait until it is ready, run `actions` (requests and edits), stop it, return its log."""
    log = tmp / f"{name}.log"
    p = start(cmd, cwd=cwd, log=open(log, "w"), env=env)
    try:
        if wait_for(log, ready, 120):
            actions()
            time.sleep(3)
    finally:
        stop_group(p)
    return log.read_text(errors="replace")


def watch(tmp: Path, item_id: str, typed: str, cmd: str, cwd: Path, env: dict, ready: str, edits: list, ext,
          gap: float = 3) -> None:
    """Start a watcher, make each edit (path, text) `gap` seconds apart once it is ready, stop it, add its log."""
    log = tmp / f"{item_id}.log"
    p = start(cmd, cwd=cwd, log=open(log, "w"), env=env)
    try:
        wait_for(log, ready, 120)
        for path, text in edits:
            time.sleep(gap)
            (cwd / path).parent.mkdir(parents=True, exist_ok=True)
            (cwd / path).write_text(text)
        time.sleep(8)
    finally:
        stop_group(p)
    text = log.read_text(errors="replace")
    tail = re.search(r"\| tail -n (\d+)", typed)
    if tail:  # the lines the agent's pipe kept
        text = "\n".join(text.splitlines()[-int(tail.group(1)):]) + "\n"
    add(item_id, typed, text, ext)


# ------------------------------------------------------------------ Svelte

def svelte_dock(name: str, rnd: random.Random, k: int) -> str:
    flaws = [
        f'<div class="dock" on:mouseover={{() => hover = true}}>{{bikes}} bikes</div>',
        f'<video src="/clips/{name}.mp4"></video>',
        f'<input autofocus placeholder="{name}" />',
        f'<a class="map">map of {name}</a>',
        f'<span role="button" on:click={{() => bikes++}}>+</span>',
    ]
    picks = rnd.sample(flaws, 2) if k % 3 else []
    css = f"\n  .{name}-legacy {{ opacity: 0.{rnd.randint(1, 9)}; }}\n  .ghost-{k} {{ display: none; }}" if k % 4 == 1 else ""
    return f"""<script>
  export let bikes = {rnd.randint(0, 30)};
  export let docks = {rnd.randint(10, 40)};
  export let name = "{name}";
  let hover = false;
  $: free = docks - bikes;
</script>

<h4>{{name}}: {{free}} free</h4>
{chr(10).join(picks)}
{{#each Array(3) as _, i}}<p class="slot">slot {{i}}</p>{{/each}}

<style>
  h4 {{ font-weight: 600; }}
  .slot {{ margin: {rnd.randint(0, 6)}px; }}{css}
</style>
"""


def svelte(tmp: Path) -> None:
    app = tmp / "pedalpoint-svelte"
    link(app, "svelte")
    rnd = random.Random(6969)
    files = {
        "package.json": '{"name":"pedalpoint-svelte","private":true,"type":"module"}\n',
        "vite.config.js": "import { defineConfig } from 'vite';\nimport { svelte } from '@sveltejs/vite-plugin-svelte';\n"
                          "export default defineConfig({ plugins: [svelte()] });\n",
        "svelte.config.js": "export default {};\n",
        "index.html": '<!doctype html><html><body><div id="app"></div><script type="module" src="/src/main.js">'
                      '</script></body></html>\n',
        "src/main.js": "import { mount } from 'svelte';\nimport App from './App.svelte';\n"
                       "mount(App, { target: document.getElementById('app') });\n",
    }
    imports, uses = [], []
    for k, st in enumerate(STATIONS):
        name = st.capitalize() + "Dock"
        files[f"src/docks/{name}.svelte"] = svelte_dock(st, rnd, k)
        imports.append(f"  import {name} from './docks/{name}.svelte';")
        uses.append(f"<{name} bikes={{{rnd.randint(0, 20)}}} />")
    files["src/App.svelte"] = "<script>\n" + "\n".join(imports) + "\n</script>\n\n" + "\n".join(uses) + "\n"
    write_tree(app, files)
    env = bin_env("svelte")
    cap("vite-build-svelte", "npx vite build", app, n_vite_build_svelte, timeout=400, env=env)
    cap("vite-build-svelte-tail", "npx vite build --sourcemap 2>&1 | tail -n 60", app, n_vite_build_svelte,
        timeout=400, env=env)
    # a broken edit: a component importing a module that is not there, a syntax error in another
    (app / "src/docks/MintDock.svelte").write_text("<script>\n  import { fare } from '../fares.js';\n  export let bikes"
                                                   " = 0;\n</script>\n<p>{fare(bikes)}</p>\n")
    cap("vite-build-svelte-exit", "npx vite build; echo EXIT=$?", app, n_vite_build_svelte, timeout=400, env=env)
    (app / "src/fares.js").write_text("export const fare = (n) => n * 1.5;\n")

    def reqs(port, broken):
        def go():
            for path in ["/", "/src/main.js", "/src/App.svelte", *(f"/src/docks/{s.capitalize()}Dock.svelte"
                                                                   for s in STATIONS[:10]), "/favicon.ico"]:
                curl(f"http://127.0.0.1:{port}{path}")
            for rel, text in broken:
                (app / rel).write_text(text)
                time.sleep(1.5)
                curl(f"http://127.0.0.1:{port}/{rel}")
            curl(f"http://127.0.0.1:{port}/src/docks/NowhereDock.svelte")
        return go
    broken1 = [("src/docks/CanalDock.svelte", "<script>\n  export let bikes = 0\n  let free = bikes +;\n</script>\n"
                                              "<p>{free}</p>\n"),
               ("src/docks/FerryDock.svelte", "<script>\n  import Timetable from './Timetable.svelte';\n</script>\n"
                                              "<Timetable />\n"),
               ("src/docks/SummitDock.svelte", "<p>{#if bikes}</p>\n")]
    text = serve(tmp, "vite-dev-svelte", "npx vite --port 5269 --strictPort", app, env, r"Local:", reqs(5269, broken1))
    add("vite-dev-log", "npx vite --port 5269 > /tmp/vite.log 2>&1 & sleep 30; cat /tmp/vite.log", text,
        n_vite_dev_log)
    write_tree(app, {"src/docks/CanalDock.svelte": svelte_dock("canal", rnd, 0),
                     "src/docks/FerryDock.svelte": svelte_dock("ferry", rnd, 0),
                     "src/docks/SummitDock.svelte": svelte_dock("summit", rnd, 0)})
    broken2 = [("src/main.js", "import { mount } from 'svelte';\nimport App from './App.svelte';\nimport './theme.css';\n"
                               "mount(App, { target: document.getElementById('app') });\n"),
               ("src/docks/DepotDock.svelte", "<script>\n  export let bikes = 0;\n</script>\n<p>{bikes.toFixed(}</p>\n")]
    text = serve(tmp, "vite-dev-svelte2", "npx vite --port 5270 --strictPort --host 127.0.0.1", app, env, r"Local:",
                 reqs(5270, broken2))
    add("vite-dev-log-tail", "npx vite --port 5270 --host 127.0.0.1 > dev.log 2>&1 & sleep 25; tail -n 80 dev.log",
        "\n".join(text.splitlines()[-80:]) + "\n", n_vite_dev_log)


# ------------------------------------------------------------------ Vue

def vue(tmp: Path) -> None:
    app = tmp / "pedalpoint-vue"
    link(app, "vue")
    rnd = random.Random(96)
    files = {
        "package.json": '{"name":"pedalpoint-vue","private":true,"type":"module"}\n',
        "vite.config.js": "import { defineConfig } from 'vite';\nimport vue from '@vitejs/plugin-vue';\n"
                          "export default defineConfig({ plugins: [vue()] });\n",
        "index.html": '<!doctype html><html><body><div id="app"></div><script type="module" src="/src/main.js">'
                      '</script></body></html>\n',
        "src/main.js": "import { createApp } from 'vue';\nimport App from './App.vue';\ncreateApp(App).mount('#app');\n",
    }
    imports, uses = [], []
    for k, st in enumerate(STATIONS):
        name = "Ride" + st.capitalize()
        deep = f"\n::v-deep .leg-{k} {{ color: #{rnd.randrange(0x1000000):06x}; }}" if k % 3 == 0 else ""
        deep += f"\n:deep .fare-{k} {{ margin: {k}px; }}" if k % 4 == 2 else ""
        files[f"src/rides/{name}.vue"] = (
            f"<script setup>\nconst legs = {[rnd.randint(1, 60) for _ in range(4)]};\n</script>\n<template>\n"
            f"  <ol class=\"{st}\"><li v-for=\"(l, i) in legs\" :key=\"i\">{st} leg {{{{ l }}}} min</li></ol>\n"
            f"</template>\n<style scoped>\n.{st} {{ padding: {k}px; }}{deep}\n</style>\n")
        imports.append(f"import {name} from './rides/{name}.vue';")
        uses.append(f"  <{name} />")
    files["src/App.vue"] = "<script setup>\n" + "\n".join(imports) + "\n</script>\n<template>\n  <main>\n" + \
        "\n".join(uses) + "\n  </main>\n</template>\n"
    write_tree(app, files)
    env = bin_env("vue")
    cap("vite-build-vue", "npx vite build", app, n_vite_build_vue, timeout=400, env=env)
    app_vue = app / "src/App.vue"
    good = app_vue.read_text()
    app_vue.write_text(good.replace("</script>", "import FareTable from './fares/FareTable.vue';\n</script>"))
    cap("vite-build-vue-exit", "npx vite build 2>&1 | tail -n 60; echo EXIT=$?", app, n_vite_build_vue, timeout=400,
        env=env)
    app_vue.write_text(good)
    canal = app / "src/rides/RideCanal.vue"
    canal_good = canal.read_text()
    canal.write_text(canal_good.replace('v-for="(l, i) in legs"', 'v-for="(l, i) in"').replace("{{ l }}", "{{ l }"))
    cap("vite-build-vue-broken", "npx vite build --minify false; echo EXIT=$?", app, n_vite_build_vue, timeout=400,
        env=env)
    canal.write_text(canal_good)

    def go():
        for path in ["/", "/src/main.js", "/src/App.vue", *(f"/src/rides/Ride{s.capitalize()}.vue" for s in STATIONS[:12])]:
            curl(f"http://127.0.0.1:5369{path}")
        (app / "src/rides/RideCanal.vue").write_text("<template>\n  <ol><li v-for=\"l in\">{{ l }</li></ol>\n</template>\n")
        curl("http://127.0.0.1:5369/src/rides/RideCanal.vue")
        (app / "src/rides/RideMint.vue").write_text("<script setup>\nimport Legs from './Legs.vue';\n</script>\n"
                                                    "<template><Legs /></template>\n")
        curl("http://127.0.0.1:5369/src/rides/RideMint.vue")
        curl("http://127.0.0.1:5369/src/rides/RideNowhere.vue")
        curl("http://127.0.0.1:5369/src/rides/RideMint.vue")
    text = serve(tmp, "vite-dev-vue", "npx vite --port 5369 --strictPort", app, env, r"Local:", go)
    add("vite-dev-log-vue", "npx vite --port 5369 2>&1 | tee /tmp/vite.log & sleep 25; kill %1; tail -n 120 "
        "/tmp/vite.log", "\n".join(text.splitlines()[-120:]) + "\n", n_vite_dev_log)


# ------------------------------------------------------------------ ESLint's React plugins, Tailwind

def jsx_panel(name: str, rnd: random.Random, k: int) -> str:
    bad = [
        f'<img src="/maps/{name}.svg" alt="image of {name} map" />',
        f'<div role="slider" tabIndex={{0}}>{name}</div>',
        f'<a onClick={{() => book("{name}")}}>book</a>',
        f'<select onChange={{pick}}><option>{name}</option></select>',
        f'<h2></h2>',
        f'<iframe src="/embed/{name}" />',
        f'<Tooltip text="{name}" />',
        f'<ul>{{docks.map((d) => <li>{{d}}</li>)}}</ul>',
        f'<button type="submit" autoFocus>go</button>',
    ]
    picks = rnd.sample(bad, 3) if k % 3 else [f'<p>{name}</p>']
    return f"""import React from 'react';

export default function {name.capitalize()}Panel({{ docks, book, pick }}) {{
  const [open, setOpen] = React.useState(false);
  return (
    <aside className="panel">
{chr(10).join('      ' + p for p in picks)}
      <p>{{open ? 'open' : 'closed'}}</p>
    </aside>
  );
}}
"""


def lint_css(tmp: Path) -> None:
    app = tmp / "pedalpoint-react"
    link(app, "misc")
    rnd = random.Random(969)
    files = {
        "package.json": '{"name":"pedalpoint-react","private":true,"type":"module"}\n',
        "eslint.config.js": """import react from 'eslint-plugin-react';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';
export default [
  {
    files: ['src/**/*.jsx'],
    plugins: { react, 'jsx-a11y': jsxA11y },
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } }, globals: { ...globals.browser } },
    settings: { react: { version: '19.0' } },
    rules: { ...react.configs.recommended.rules, ...jsxA11y.configs.strict.rules,
             'react/jsx-key': 'warn', 'react/jsx-no-undef': 'error', 'react/prop-types': 'warn',
             'jsx-a11y/no-autofocus': 'warn', 'jsx-a11y/img-redundant-alt': 'warn' },
  },
];
""",
    }
    for k, st in enumerate(STATIONS):
        files[f"src/panels/{st.capitalize()}Panel.jsx"] = jsx_panel(st, rnd, k)
    css = ["@tailwind base;", "@tailwind components;", "@tailwind utilities;"]
    for k, st in enumerate(STATIONS):
        css.append(f".{st}-badge {{ @apply px-{rnd.randint(1, 6)} py-1 rounded "
                   f"{'bg-bikeshare-500' if k % 7 == 3 else 'bg-sky-600'} text-white; }}")
    files["styles/site.css"] = "\n".join(css) + "\n"
    files["tailwind.config.cjs"] = ("module.exports = { content: ['./templates/**/*.html'], theme: { extend: {} },"
                                    " plugins: [] };\n")
    write_tree(app, files)
    env = bin_env("misc")
    cap("eslint-react-a11y", "npx eslint src/panels", app, n_eslint_react, env=env)
    cap("eslint-react-a11y-head", "npx eslint src 2>&1 | head -n 80", app, n_eslint_react, env=env)
    cap("tailwindcss-build", f"npx tailwindcss -c tailwind.config.cjs -i styles/site.css -o {OUT}/site.css; "
        "echo EXIT=$?", app, n_tailwind, env=env)
    site = app / "styles/site.css"
    site.write_text(site.read_text().replace("bg-bikeshare-500", "bg-teal-500"))
    (app / "tailwind.config.cjs").write_text("module.exports = { content: ['./src/**/*.jsx'], theme: { extend: {} },"
                                             " plugins: [] };\n")
    cap("tailwindcss-build-stdout", "npx tailwindcss -c tailwind.config.cjs -i styles/site.css", app, n_tailwind,
        env=env)


# ------------------------------------------------------------------ watchers

def watchers(tmp: Path) -> None:
    env = bin_env("misc")
    srv = tmp / "pedalpoint-api"
    link(srv, "misc")
    rnd = random.Random(6909)
    routes = "\n".join(f"  '/docks/{s}': () => ({{ dock: '{s}', bikes: {rnd.randint(0, 30)} }})," for s in STATIONS)
    server = (f"const http = require('http');\nconst {{ fare }} = require('./fares');\nconst routes = {{\n{routes}\n}};\n"
              "http.createServer((q, s) => s.end(JSON.stringify((routes[q.url] || (() => ({})))())))"
              ".listen(0, () => console.log('pedalpoint api listening, fare(30)=' + fare(30)));\n")
    write_tree(srv, {"package.json": '{"name":"pedalpoint-api","private":true}\n', "server.js": server,
                     "fares.js": "exports.fare = (mins) => 1 + mins * 0.05;\n",
                     "zones.json": '{"centre": 1, "outer": 2}\n'})
    edits = [("fares.js", "exports.fare = (mins) => 1 + mins * RATE;\n"),
             ("fares.js", "exports.fare = (mins) => { if (mins > 10) throw new TypeError('fare table has no band for '"
                          " + mins + ' minutes'); return 1; };\n"),
             ("fares.js", "const zones = require('./zones.json');\nexports.fare = (mins) => zones.centre.rate.perMin"
                          " * mins;\n"),
             ("fares.js", "exports.fare = (mins) => 1 + mins * 0.05;\n"),
             ("zones.json", '{"centre": 1, "outer": 2,}\n'),
             ("fares.js", "const zones = require('./zones.json');\nexports.fare = (mins) => zones.centre + mins;\n"),
             ("zones.json", '{"centre": 1, "outer": 2}\n')]
    watch(tmp, "nodemon-log", "npx nodemon --ext js,json server.js", "npx nodemon --ext js,json --delay 0.5 server.js",
          srv, env, r"listening|crashed", edits, n_nodemon)
    edits2 = [("server.js", server.replace("require('./fares')", "require('./fare')")),
              ("server.js", server),
              ("fares.js", "exports.fare = (mins) => { return mins.toFixed(2) + undefinedSurcharge; };\n"),
              ("fares.js", "exports.fare = (mins) => 2;\n")]
    watch(tmp, "nodemon-log-tail", "npx nodemon server.js 2>&1 | tail -n 60",
          "npx nodemon --delay 0.5 server.js", srv, env, r"listening|crashed", edits2, n_nodemon)
    # tsc --watch over a fare library, widened by a seeded generator
    lib = tmp / "pedalpoint-ts"
    link(lib, "misc")
    files = {"tsconfig.json": '{"compilerOptions":{"strict":true,"outDir":"out","target":"ES2022","module":"commonjs",'
                              '"skipLibCheck":true,"noUnusedLocals":true},"include":["src"]}\n',
             "src/types.ts": "export interface Ride { dock: string; mins: number; member: boolean }\n"}
    for k, st in enumerate(STATIONS):
        body = (f"import {{ Ride }} from './types';\nexport function {st}Fare(r: Ride): number {{\n"
                f"  return r.member ? 0 : r.mins * {rnd.randint(2, 9)} / 100;\n}}\n")
        if k % 6 == 2:
            body += f"export const {st}Default: Ride = {{ dock: '{st}', mins: '{k}', member: false }};\n"
        if k % 7 == 4:
            body += f"export function {st}Zone(r: Ride) {{ return r.zone ?? 'centre'; }}\n"
        files[f"src/{st}.ts"] = body
    files["src/index.ts"] = "".join(f"export * from './{s}';\n" for s in STATIONS)
    write_tree(lib, files)
    h = files["src/harbour.ts"]
    edits = [("src/harbour.ts", h.replace("r.mins *", "r.minutes *")),
             ("src/canal.ts", "import { Ride } from './types';\nimport { surge } from './surge';\nexport function "
                              "canalFare(r: Ride): number { const unused = 1; return surge(r); }\n"),
             ("src/harbour.ts", h),
             ("src/types.ts", "export interface Ride { dock: string; mins: number; member: boolean; zone: string }\n"),
             ("src/surge.ts", "import { Ride } from './types';\nexport function surge(r: Ride): string { return r.mins; }\n")]
    watch(tmp, "tsc-watch", "npx tsc --watch --preserveWatchOutput", "npx tsc --watch --preserveWatchOutput --pretty "
          "false", lib, env, r"Watching for file changes", edits, n_tsc_watch, gap=4)
    edits = [("src/mint.ts", "export const mintFare = (r) => r.mins;\n"),
             ("src/mint.ts", "import { Ride } from './types';\nexport const mintFare = (r: Ride): number => r.mins;\n"),
             ("src/index.ts", files["src/index.ts"] + "export * from './gone';\n")]
    watch(tmp, "tsc-watch-noemit", "npx tsc -w --noEmit", "npx tsc -w --noEmit --preserveWatchOutput --pretty false",
          lib, env, r"Watching for file changes", edits, n_tsc_watch, gap=4)
    # webpack --watch over a bundle of station modules
    wp = tmp / "pedalpoint-web"
    link(wp, "misc")
    files = {"webpack.config.cjs": "module.exports = { mode: 'production', entry: { app: './src/index.js', "
                                   "map: './src/map.js' }, devtool: false, output: { path: __dirname + '/dist', "
                                   "filename: '[name].js' }, performance: { maxAssetSize: 20000 } };\n",
             "package.json": '{"name":"pedalpoint-web","private":true}\n'}
    for k, st in enumerate(STATIONS):
        files[f"src/docks/{st}.js"] = (f"export const {st} = {{ name: '{st}', docks: {rnd.randint(8, 40)} }};\n"
                                       + "".join(f"export const {st}Slot{j} = '{st}-slot-{j}-"
                                                 + "x" * rnd.randint(20, 80) + "';\n" for j in range(40)))
    files["src/index.js"] = "".join(f"import * as {s} from './docks/{s}.js';\n" for s in STATIONS) + \
        "console.log([" + ", ".join(STATIONS) + "].map((m) => Object.keys(m).length));\n"
    files["src/map.js"] = "import { harbour } from './docks/harbour.js';\nconsole.log(harbour.name);\n"
    write_tree(wp, files)
    edits = [("src/map.js", "import { harbour } from './docks/harbour.js';\nimport L from 'leaflet';\nconsole.log(L, "
                            "harbour.name);\n"),
             ("src/docks/canal.js", "export const canal = { name: 'canal', docks: 12 ;\n"),
             ("src/map.js", files["src/map.js"]),
             ("src/docks/canal.js", files["src/docks/canal.js"]),
             ("src/index.js", files["src/index.js"].replace("'./docks/mint.js'", "'./docks/mint-old.js'")),
             ("src/index.js", files["src/index.js"])]
    watch(tmp, "webpack-watch", "npx webpack --watch --config webpack.config.cjs",
          "npx webpack --watch --config webpack.config.cjs --no-color", wp, env, r"compiled", edits, n_webpack_watch)
    edits = [("src/docks/ferry.js", "export const ferry = { name: 'ferry', docks: 9 };\nexport default await 1\n"),
             ("src/docks/ferry.js", files["src/docks/ferry.js"] + "export const ferryBad = ;\n"),
             ("src/docks/ferry.js", files["src/docks/ferry.js"])]
    watch(tmp, "webpack-watch-tail", "npx webpack -w --config webpack.config.cjs --stats minimal 2>&1 | tail -n 60",
          "npx webpack -w --config webpack.config.cjs --no-color --stats minimal", wp, env, r"compiled", edits,
          n_webpack_watch)


# ------------------------------------------------------------------ Next.js

NEXT_ENV = {"NEXT_TELEMETRY_DISABLED": "1"}


def next_app(tmp: Path) -> Path:
    app = tmp / "pedalpoint-next"
    link(app, "next")
    rnd = random.Random(6969069)
    files = {
        "package.json": '{"name":"pedalpoint-next","private":true,"scripts":{"build":"next build","dev":"next dev"}}\n',
        "tsconfig.json": '{"compilerOptions":{"target":"ES2017","lib":["dom","dom.iterable","esnext"],"strict":true,'
                         '"noEmit":true,"esModuleInterop":true,"module":"esnext","moduleResolution":"bundler",'
                         '"resolveJsonModule":true,"isolatedModules":true,"jsx":"preserve","skipLibCheck":true,'
                         '"allowJs":false,"incremental":false,"paths":{"@/*":["./*"]},"plugins":[{"name":"next"}]},'
                         '"include":["next-env.d.ts","**/*.ts","**/*.tsx"],"exclude":["node_modules"]}\n',
        "next.config.mjs": "export default { reactStrictMode: true, eslint: { ignoreDuringBuilds: true } };\n",
        "app/layout.tsx": "export const metadata = { title: 'Pedalpoint' };\nexport default function RootLayout("
                          "{ children }: { children: React.ReactNode }) {\n  return <html lang=\"en\"><body>"
                          "{children}</body></html>;\n}\n",
        "app/page.tsx": "import Link from 'next/link';\nexport default function Home() {\n  return <main><h1>Pedalpoint"
                        "</h1><Link href=\"/docks/harbour\">harbour</Link></main>;\n}\n",
        "lib/docks.ts": "export type Dock = { slug: string; bikes: number; capacity: number };\nexport const docks: "
                        "Dock[] = [\n" + "".join(f"  {{ slug: '{s}', bikes: {rnd.randint(0, 25)}, capacity: "
                                                 f"{rnd.randint(20, 40)} }},\n" for s in STATIONS) + "];\n",
        "app/docks/[slug]/page.tsx": "import { docks } from '@/lib/docks';\nexport function generateStaticParams() "
                                     "{ return docks.map((d) => ({ slug: d.slug })); }\nexport default async function "
                                     "DockPage({ params }: { params: Promise<{ slug: string }> }) {\n  const { slug } = "
                                     "await params;\n  const d = docks.find((x) => x.slug === slug)!;\n  return <div>"
                                     "<h2>{d.slug}</h2><p>{d.bikes}/{d.capacity}</p></div>;\n}\n",
        "app/api/docks/route.ts": "import { docks } from '@/lib/docks';\nexport const dynamic = 'force-dynamic';\n"
                                  "export async function GET() {\n  return Response.json(docks.filter((d) => "
                                  "d.bikes < 3));\n}\n",
        "app/api/rides/route.ts": "export const dynamic = 'force-dynamic';\nexport async function POST(req: Request) {\n"
                                  "  const body = await req.json();\n  return Response.json({ id: body.dock.toUpperCase() });\n}\n",
        "app/account/page.tsx": "export const dynamic = 'force-dynamic';\nexport default async function Account() {\n"
                                "  const member = undefined as unknown as { plan: { name: string } };\n"
                                "  return <p>{member.plan.name}</p>;\n}\n",
    }
    for k, topic in enumerate(["pricing", "membership", "safety", "helmets", "ebikes", "routes", "events", "faq",
                               "press", "careers"]):
        files[f"app/info/{topic}/page.tsx"] = (f"export default function Info() {{\n  return <article><h2>{topic}"
                                               f"</h2><p>{'lorem ' * rnd.randint(3, 30)}</p></article>;\n}}\n")
    # the first build's bugs: modules that are not there (a component, a hook, a stylesheet, a package)
    files["app/map/page.tsx"] = ("import DockMap from '@/components/DockMap';\nimport { useGeo } from '@/hooks/useGeo';"
                                 "\nexport default function MapPage() {\n  return <DockMap at={useGeo()} />;\n}\n")
    files["app/rides/page.tsx"] = ("import 'mapbox-gl/dist/mapbox-gl.css';\nimport { formatFare } from '@/lib/fare';\n"
                                   "export default function Rides() {\n  return <p>{formatFare(120)}</p>;\n}\n")
    write_tree(app, files)
    return app


def nextjs(tmp: Path) -> None:
    app = next_app(tmp)
    env = {**bin_env("next"), **NEXT_ENV}
    cap("next-build-failed", "npx next build", app, n_next_build_failed, timeout=600, env=env)
    write_tree(app, {"components/DockMap.tsx": "export default function DockMap({ at }: { at: [number, number] }) {\n"
                                               "  return <div>{at.join(',')}</div>;\n}\n",
                     "hooks/useGeo.ts": "export function useGeo(): [number, number] | null {\n  return null;\n}\n",
                     "lib/fare.ts": "export function formatFare(pence: number): string {\n  return pence / 100;\n}\n"})
    rides = app / "app/rides/page.tsx"
    rides.write_text(rides.read_text().replace("import 'mapbox-gl/dist/mapbox-gl.css';\n", ""))
    cap("next-build-failed-type", "npm run build 2>&1 | tail -n 60; echo EXIT=$?", app, n_next_build_failed,
        timeout=600, env=env)
    (app / "lib/fare.ts").write_text("export function formatFare(pence: number): string {\n  return (pence / 100)"
                                     ".toFixed(2);\n}\n")
    (app / "hooks/useGeo.ts").write_text("export function useGeo(): [number, number] {\n  return [51.5, -0.1];\n}\n")
    (app / "app/info/events/page.tsx").write_text(
        "const events = JSON.parse('[{\"when\": \"2026-05-01\"');\nexport default function Info() {\n  return <ul>"
        "{events.map((e: { when: string }) => <li key={e.when}>{e.when}</li>)}</ul>;\n}\n")
    cap("next-build-failed-prerender", "npx next build; echo EXIT=$?", app, n_next_build_failed, timeout=600, env=env)
    (app / "app/info/events/page.tsx").write_text("export default function Info() {\n  return <ul></ul>;\n}\n")
    # next dev: requests, a route that throws, a bad POST, a missing module edit, then stop
    paths = ["/", "/docks/harbour", "/account", "/api/docks", "/info/pricing", "/nope", "/account",
             *(f"/docks/{s}" for s in STATIONS[1:9]), "/map", "/rides", "/info/faq", "/docks/atlantis"]

    def go(port, extra):
        def run_it():
            for path in paths:
                curl(f"http://127.0.0.1:{port}{path}")
            run_post = f"curl -s -o /dev/null -m 60 -X POST -d '{{}}' http://127.0.0.1:{port}/api/rides"
            run(run_post, timeout=90)
            run(run_post, timeout=90)
            extra(port)
        return run_it

    def nothing(port):
        pass

    def break_page(port):
        (app / "app/info/safety/page.tsx").write_text("import { rules } from '@/lib/safety';\nexport default function "
                                                      "Info() {\n  return <p>{rules.length}</p>;\n}\n")
        time.sleep(2)
        curl(f"http://127.0.0.1:{port}/info/safety")
        (app / "app/info/press/page.tsx").write_text("export default function Info() {\n  throw new Error('press kit "
                                                     "bucket not configured');\n}\n")
        time.sleep(2)
        curl(f"http://127.0.0.1:{port}/info/press")
        curl(f"http://127.0.0.1:{port}/info/press")
    text = serve(tmp, "next-dev", "npx next dev -p 3169", app, env, r"Ready in|Local:", go(3169, nothing))
    add("next-dev-log", "npx next dev -p 3169 > /tmp/next-dev.log 2>&1 & sleep 60; cat /tmp/next-dev.log", text,
        n_next_dev_log)
    text = serve(tmp, "next-dev2", "npx next dev -p 3170", app, env, r"Ready in|Local:", go(3170, break_page))
    add("next-dev-log-tail", "npm run dev -- -p 3170 > dev.log 2>&1 & sleep 90; tail -n 150 dev.log",
        "\n".join(text.splitlines()[-150:]) + "\n", n_next_dev_log)
    text = serve(tmp, "next-dev3", "npx next dev -p 3171 -H 127.0.0.1", app, env, r"Ready in|Local:",
                 go(3171, nothing))
    add("next-dev-log-head", "npx next dev -p 3171 -H 127.0.0.1 2>&1 | head -n 80",
        "\n".join(text.splitlines()[:80]) + "\n", n_next_dev_log)


# ------------------------------------------------------------------ Astro

def astro(tmp: Path) -> None:
    app = tmp / "pedalpoint-astro"
    link(app, "astro")
    rnd = random.Random(69069)
    files = {
        "package.json": '{"name":"pedalpoint-astro","private":true,"type":"module"}\n',
        "astro.config.mjs": "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n",
        "tsconfig.json": '{"extends":"astro/tsconfigs/strict","include":[".astro/types.d.ts","**/*"],'
                         '"exclude":["dist"]}\n',
        "src/layouts/Page.astro": "---\ninterface Props { title: string }\nconst { title } = Astro.props;\n---\n"
                                  "<html lang=\"en\"><head><title>{title}</title></head><body><slot /></body></html>\n",
        "src/components/DockBadge.astro": "---\ninterface Props { slug: string; bikes: number; capacity: number }\n"
                                          "const { slug, bikes, capacity } = Astro.props;\n---\n<span class=\"badge\">"
                                          "{slug}: {Math.round(bikes / capacity * 100)}%</span>\n",
    }
    for k, st in enumerate(STATIONS):
        if k % 5 == 1:
            badge = f'<DockBadge slug="{st}" bikes="{rnd.randint(0, 20)}" capacity={{30}} />'
        elif k % 5 == 3:
            badge = f'<DockBadge slug="{st}" bikes={{{rnd.randint(0, 20)}}} />'
        else:
            badge = f'<DockBadge slug="{st}" bikes={{{rnd.randint(0, 20)}}} capacity={{{rnd.randint(20, 40)}}} />'
        extra = "\nconst legacy: string = 42;" if k % 7 == 2 else ""
        extra += "\nimport { shuffle } from '../../lib/shuffle';" if k % 9 == 4 else ""
        files[f"src/pages/docks/{st}.astro"] = (
            f"---\nimport Page from '../../layouts/Page.astro';\nimport DockBadge from '../../components/DockBadge."
            f"astro';{extra}\n---\n<Page title=\"{st}\">\n  {badge}\n  <p>{'ride ' * rnd.randint(2, 12)}</p>\n</Page>\n")
    for k, topic in enumerate(["pricing", "membership", "safety", "helmets", "ebikes", "routes", "events", "faq"]):
        files[f"src/pages/info/{topic}.astro"] = (f"---\nimport Page from '../../layouts/Page.astro';\n---\n<Page title="
                                                  f"\"{topic}\"><h2>{topic}</h2></Page>\n")
    files["src/pages/index.astro"] = ("---\nimport Page from '../layouts/Page.astro';\n---\n<Page title=\"Pedalpoint\">"
                                      "<h1>Pedalpoint</h1></Page>\n")
    write_tree(app, files)
    env = bin_env("astro")
    env["ASTRO_TELEMETRY_DISABLED"] = "1"
    cap("astro-check", "npx astro check; echo EXIT=$?", app, n_astro_check, timeout=600, env=env)
    (app / "src/pages/rides").mkdir(parents=True, exist_ok=True)
    (app / "src/pages/rides/[id].astro").write_text("---\nimport Page from '../../layouts/Page.astro';\nconst { id } ="
                                                    " Astro.params;\n---\n<Page title={`ride ${id}`}><p>{id}</p></Page>\n")
    cap("astro-check-tail", "npx astro check 2>&1 | tail -n 60", app, n_astro_check, timeout=600, env=env)
    cap("astro-build-failed", "npx astro build", app, n_astro_build, timeout=600, env=env)
    (app / "src/pages/rides/[id].astro").write_text(
        "---\nimport Page from '../../layouts/Page.astro';\nexport function getStaticPaths() {\n  return Array.from("
        "{ length: 30 }, (_, i) => ({ params: { id: String(1000 + i) } }));\n}\nconst { id } = Astro.params;\n---\n"
        "<Page title={`ride ${id}`}><p>{id}</p></Page>\n")
    (app / "src/lib").mkdir(parents=True, exist_ok=True)
    (app / "src/lib/shuffle.ts").write_text("export const shuffle = <T,>(xs: T[]): T[] => xs.slice().reverse();\n")
    (app / "src/pages/info/events.astro").write_text(
        "---\nimport Page from '../../layouts/Page.astro';\nconst feed = await fetch('http://127.0.0.1:9/events.json')"
        ".then((r) => r.json());\n---\n<Page title=\"events\">{feed.items.map((e) => <p>{e.title}</p>)}</Page>\n")
    cap("astro-build-fetch", "npx astro build 2>&1 | tail -n 60; echo EXIT=$?", app, n_astro_build, timeout=600,
        env=env)
    (app / "src/pages/info/events.astro").write_text(
        "---\nimport Page from '../../layouts/Page.astro';\n---\n<Page title=\"events\"><h2>events</h2></Page>\n")
    cap("astro-build", "npx astro build", app, n_astro_build, timeout=600, env=env)


STEPS = [lint_css, watchers, svelte, vue, astro, nextjs]
