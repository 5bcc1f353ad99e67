"""Round 68's steps: small apps written here with bugs put in (a plant nursery's shop, `sproutly`), widened by seeded
generators, run through each framework's build, checker, dev server or watcher. Extractors apply NEEDLES.md "Round
68"'s rules. Run through capture_wide68.py."""

from __future__ import annotations

import os
import random
import re
import signal
import time
from pathlib import Path

from capture_more import PROCS, groups, kind, mask, note, run, start, write_tree
from capture_wide68 import TOOLS, add, cap

LOC = re.compile(r"(\S+\.(?:[cm]?[jt]sx?|svelte|vue|astro|css)):(\d+)(?::(\d+))?")
EXIT = re.compile(r"^EXIT=\d+$")


def _exit(lines):
    return [ln for ln in lines if EXIT.match(ln.strip())]


def _near(lines, i, pat, ahead=6):
    for j in range(i + 1, min(len(lines), i + 1 + ahead)):
        if re.search(pat, lines[j]):
            return lines[j]
    return None


def _before(lines, i, pat, back=6):
    for j in range(i - 1, max(-1, i - 1 - back), -1):
        if re.search(pat, lines[j]):
            return lines[j]
    return None


def _size(s):
    m = re.search(r"([\d.]+)\s*(B|kB|KiB|KB|MiB|MB)\b", s)
    if not m:
        return None
    return float(m.group(1)) * {"B": 1, "kB": 1e3, "KB": 1e3, "KiB": 1024, "MB": 1e6, "MiB": 1 << 20}[m.group(2)]


def _extremes(rows, largest_only=False):
    sized = [(v, r) for r in rows if (v := _size(r)) is not None]
    if not sized:
        return []
    out = [max(sized)[1]]
    if not largest_only:
        out.append(min(sized)[1])
    return out


# ------------------------------------------------------------------ extractors

@kind("next-build", "build")
def n_next_build(lines):
    """The Compiled line, warnings per (file, shape) with their file line, the route table's header, rare-marker and largest/smallest rows, the shared First Load JS line."""
    out = [ln for ln in lines if re.search(r"Compiled (successfully|with warnings)|Failed to compile", ln)]
    pairs, cur = [], None
    for ln in lines:
        if re.match(r"^\./\S+", ln):
            cur = ln
        elif cur and re.search(r"(Warning|warning):", ln):
            pairs.append(((cur, mask(ln)), ln))
            out.append(cur)
    out += groups(pairs)
    rows = [ln for ln in lines if re.match(r"^[┌├└]\s", ln)]
    out += [ln for ln in lines if re.match(r"^Route \((app|pages)\)", ln)]
    marks = [r.split()[1] for r in rows if len(r.split()) > 1]
    if marks:
        common = max(set(marks), key=marks.count)
        if marks.count(common) * 2 >= len(marks):
            out += [r for r, m in zip(rows, marks) if m != common and marks.count(m) <= 2]
    out += _extremes([r for r in rows if "/" in r])
    out += [ln for ln in lines if "First Load JS shared by all" in ln]
    return out + _exit(lines)


@kind("next-build-failed", "build")
def n_next_build_failed(lines):
    """Failed to compile, each ./file line under it with its first error line (warnings one {any} per (file, shape)), prerender errors and their Error: line, the closing build-failed line."""
    out, pairs, failed = [], [], False
    for i, ln in enumerate(lines):
        if re.search(r"Failed to compile|Build failed|build worker exited with code|Build error occurred|"
                     r"Export encountered an error", ln):
            failed = failed or "Failed to compile" in ln
            out.append(ln)
        elif failed and re.match(r"^\./\S+", ln):
            for j in range(i + 1, min(len(lines), i + 40)):
                nxt = lines[j]
                if not nxt.strip() or re.match(r"^\./\S+", nxt):
                    break
                if "Warning:" in nxt:
                    pairs.append(((ln, mask(nxt)), nxt))
                elif re.search(r"Error|error|Module not found", nxt):
                    out += [ln, nxt]
        elif "Error occurred prerendering page" in ln:
            out.append(ln)
            out.append(_near(lines, i, r"Error\b"))
    return out + groups(pairs) + _exit(lines)


@kind("next-lint", "lint")
def n_next_lint(lines):
    """Every Error: finding with its ./file line; Warning: findings one {any} per (rule, file)."""
    out, pairs, cur = [], [], None
    for ln in lines:
        if re.match(r"^\./\S+", ln):
            cur = ln
        elif re.search(r"\bError:", ln):
            out += [cur, ln]
        elif re.search(r"\bWarning:", ln):
            rule = ln.split()[-1]
            pairs.append(((cur, rule), ln))
    return out + groups(pairs) + _exit(lines)


@kind("svelte-check", "lint")
def n_svelte_check(lines):
    """Every Error with the location line opening its block; Warn one {any} per (shape, file); the found-N line."""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        if re.match(r"^(Error|Warn):", ln.strip()) or re.search(r"\s(ERROR|WARNING)\s", ln):
            loc = _before(lines, i, r"^\S.*:\d+:\d+\s*$", 2) if re.match(r"^(Error|Warn):", ln.strip()) else ln
            if "Error" in ln[:8] or " ERROR " in ln:
                out += [loc, ln]
            else:
                f = LOC.search(loc or ln)
                pairs.append(((f.group(1) if f else None, mask(ln)), ln))
        elif re.search(r"svelte-check found", ln):
            out.append(ln)
    return out + groups(pairs) + _exit(lines)


def _vite_common(lines):
    out, pairs = [], []
    for i, ln in enumerate(lines):
        low = ln.lower()
        if re.search(r"\berror\b", low) and not re.search(r"0 errors", low):
            out.append(ln)
            loc = _near(lines, i, LOC.pattern)
            if loc:
                out.append(loc)
        elif re.search(r"\bwarn(ing)?\b|\[vite-plugin-svelte\]|\[@vue/compiler", low):
            f = LOC.search(ln)
            pairs.append(((f.group(1) if f else None, mask(ln)[:60]), ln))
        elif re.search(r"modules transformed|built in", ln):
            out.append(ln)
    rows = [ln for ln in lines if re.match(r"^\S*dist/\S+\s+[\d.]+ kB", ln)]
    return out + groups(pairs) + _extremes(rows, largest_only=True) + _exit(lines)


@kind("vite-build-svelte", "build")
def n_vite_build_svelte(lines):
    """Compiler warnings one {any} per (file, shape), errors with their file line, the transformed/built lines, the largest asset row."""
    return _vite_common(lines)


@kind("vite-build-vue", "build")
def n_vite_build_vue(lines):
    """Compiler warnings one {any} per (file, shape), errors with their file line, the transformed/built lines, the largest asset row."""
    return _vite_common(lines)


def _tsc_like(lines):
    out = [ln for ln in lines if re.search(r"error TS\d+|Found \d+ errors?|File change detected", ln)]
    return out + _exit(lines)


@kind("vue-tsc", "lint")
def n_vue_tsc(lines):
    """Every error TS line (file, line, column in it) and the Found N errors line."""
    return _tsc_like(lines)


@kind("tsc-watch", "build")
def n_tsc_watch(lines):
    """Every error TS line, every Found N errors. Watching line, every File change detected line."""
    return _tsc_like(lines)


@kind("astro-check", "lint")
def n_astro_check(lines):
    """Every error finding's location line and message; warnings/hints one {any} per (code, file); the Result line and the count line after it."""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        m = re.search(r"^(\S+):\d+:\d+ - (error|warning|hint)\s+(\S+)", ln)
        if m:
            if m.group(2) == "error":
                out.append(ln)
            else:
                pairs.append(((m.group(1), m.group(3)), ln))
        elif re.match(r"^Result \(", ln):
            out.append(ln)
            nxt = _near(lines, i, r"\S", 3)
            if nxt:
                out.append(nxt)
        elif re.search(r"\berror\b", ln) and not re.search(r"\d+ errors?", ln):
            out.append(ln)
    return out + groups(pairs) + _exit(lines)


@kind("astro-build", "build")
def n_astro_build(lines):
    """Every error line with its location, [WARN] lines one {any} per shape, the page(s) built line and Complete!."""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        if re.search(r"\[ERROR\]|\bError:|error\b", ln):
            out.append(ln)
            loc = _near(lines, i, LOC.pattern)
            if loc:
                out.append(loc)
        elif i + 1 < len(lines) and lines[i + 1].strip() == "Stack trace:":
            out.append(ln)  # astro prints a render error's message glued to the route line, its stack under it
            out.append(_near(lines, i, r"^\s+at "))
        elif "[WARN]" in ln:
            pairs.append((mask(ln.split("[WARN]", 1)[1])[:50], ln))
        elif re.search(r"page\(s\) built in|Complete!", ln):
            out.append(ln)
    return out + groups(pairs) + _exit(lines)


def _dev_log(lines):
    out, statuses = [], {}
    for ln in lines:
        m = re.search(r"\b(GET|POST|PUT|DELETE) \S+ (\d{3})\b", ln)
        if m:
            statuses.setdefault(m.group(2), []).append(ln)
    for i, ln in enumerate(lines):
        if re.search(r"Local:", ln):
            out.append(ln)
        elif re.search(r"Internal server error|⨯|\bError\b|\[plugin:|error", ln):
            out.append(ln)
            loc = _near(lines, i, r"File:|^\s+at |" + LOC.pattern)
            if loc:
                out.append(loc)
    for code, rows in statuses.items():
        if code.startswith("5") or len(rows) <= 2:
            out += rows
    return out + _exit(lines)


@kind("vite-dev-log", "log")
def n_vite_dev_log(lines):
    """The Local: line, every error line with its first location line within six, request lines of status 5xx or seen at most twice."""
    return _dev_log(lines)


@kind("next-dev-log", "log")
def n_next_dev_log(lines):
    """The Local: line, every error line with its first location line within six, request lines of status 5xx or seen at most twice."""
    return _dev_log(lines)


@kind("nodemon-log", "log")
def n_nodemon(lines):
    """Every app crashed and restarting line, each thrown error line with its first at line, the first and last [nodemon] starting lines."""
    out = []
    starts = [ln for ln in lines if "[nodemon] starting" in ln]
    out += starts[:1] + starts[-1:]
    for i, ln in enumerate(lines):
        if re.search(r"app crashed|restarting due to changes", ln):
            out.append(ln)
        elif re.match(r"^\w*Error\b.*:", ln.strip()) or re.match(r"^\S+:\d+$", ln.strip()):
            out.append(ln)
            out.append(_near(lines, i, r"^\s+at "))
    return out + _exit(lines)


@kind("webpack-watch", "build")
def n_webpack_watch(lines):
    """Every ERROR in / WARNING in line with its first message line, every webpack compiled summary line, the largest asset row of the first build."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^(ERROR|WARNING) in", ln):
            out.append(ln)
            out.append(_near(lines, i, r"\S", 2))
        elif re.search(r"webpack [\d.]+ compiled", ln):
            out.append(ln)
    first = []
    for ln in lines:
        if re.search(r"webpack [\d.]+ compiled", ln):
            break
        if re.match(r"^asset ", ln):
            first.append(ln)
    return out + _extremes(first, largest_only=True) + _exit(lines)


@kind("eslint-react-a11y", "lint")
def n_eslint_react(lines):
    """Every error finding with its file line; warnings one {any} per (rule, file); the problems line."""
    out, pairs, cur = [], [], None
    for ln in lines:
        if ln.startswith("/"):
            cur = ln
        elif re.match(r"^\s+\d+:\d+\s+error\s", ln):
            out += [cur, ln]
        elif re.match(r"^\s+\d+:\d+\s+warning\s", ln):
            pairs.append(((cur, ln.split()[-1]), ln))
        elif re.search(r"✖ \d+ problems?", ln):
            out.append(ln)
    return out + groups(pairs) + _exit(lines)


@kind("postcss-cli", "build")
def n_postcss(lines):
    """Warning/error lines one {any} per (plugin, shape); every CssSyntaxError with its location."""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        if "CssSyntaxError" in ln:
            out.append(ln)
            loc = _near(lines, i, LOC.pattern)
            if loc:
                out.append(loc)
        elif re.search(r"\[\S+\]|:\d+:\d+:?\s", ln) and not ln.startswith(" "):
            plug = re.search(r"\[(\S+)\]", ln)
            pairs.append(((plug.group(1) if plug else None, mask(ln)[:50]), ln))
        elif re.search(r"\berror\b", ln, re.I):
            out.append(ln)
    return out + groups(pairs) + _exit(lines)


@kind("tailwindcss-build", "build")
def n_tailwind(lines):
    """Every warn - line one {any} per shape, every error line, the Done in line."""
    out, pairs = [], []
    for ln in lines:
        if re.match(r"^warn\s+-", ln.strip()):
            pairs.append((mask(ln), ln))
        elif re.search(r"\berror\b|Error:", ln):
            out.append(ln)
        elif re.search(r"Done in", ln):
            out.append(ln)
    return out + groups(pairs) + _exit(lines)


# ------------------------------------------------------------------ helpers

PLANTS = ["fern", "ficus", "monstera", "pothos", "calathea", "aloe", "cactus", "orchid", "bonsai", "ivy", "palm",
          "begonia", "peperomia", "hoya", "philodendron", "sansevieria", "zz", "yucca", "maranta", "dracaena"]


def link(app: Path, tools: str) -> None:
    app.mkdir(parents=True, exist_ok=True)
    nm = app / "node_modules"
    if not nm.exists():
        nm.symlink_to(TOOLS / tools / "node_modules")


def bin_env(tools: str) -> dict:
    return {"PATH": f"{TOOLS / tools / 'node_modules' / '.bin'}:{os.environ.get('PATH', '')}"}


def stop_group(p) -> None:
    """Stop a server or watcher this round started (its own process group)."""
    try:
        os.killpg(p.pid, signal.SIGTERM)
        p.wait(timeout=10)
    except Exception:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except Exception:
            pass
    if p in PROCS:
        PROCS.remove(p)


def curl(url: str) -> None:
    run(f"curl -s -o /dev/null -m 60 {url}", timeout=90)


def wait_for(log: Path, pat: str, secs: float = 60) -> bool:
    t = time.time()
    while time.time() - t < secs:
        if log.exists() and re.search(pat, log.read_text(errors="replace")):
            return True
        time.sleep(0.5)
    return False


# ------------------------------------------------------------------ Svelte

def svelte_component(name: str, rnd: random.Random, broken: int) -> str:
    props = ", ".join(f"{p}" for p in ("price", "stock", "label"))
    bug = ""
    if broken == 1:
        bug = "\n  const total: string = price * stock;"
    elif broken == 2:
        bug = "\n  let missing = formatPrice(price);"
    extra_css = f"\n  .{name}-unused {{ color: #{rnd.randrange(0x1000000):06x}; }}" if broken != 0 else ""
    a11y = f'<img src="/img/{name}.png">\n<div class="card" on:click={{() => stock--}}>{{label}}</div>' \
        if broken else f'<img src="/img/{name}.png" alt="{name}">'
    return f"""<script lang="ts">
  export let price: number = {rnd.randint(3, 90)};
  export let stock: number = {rnd.randint(0, 40)};
  export let label: string = "{name}";{bug}
  $: low = stock < {rnd.randint(2, 9)};
</script>

<h3>{{label}} ({props})</h3>
{a11y}
{{#if low}}<p class="low">only {{stock}} left</p>{{/if}}

<style>
  h3 {{ margin: 0; }}
  .low {{ color: red; }}{extra_css}
</style>
"""


def svelte(tmp: Path) -> None:
    app = tmp / "sproutly-svelte"
    link(app, "svelte")
    rnd = random.Random(68)
    files = {
        "package.json": '{"name":"sproutly-svelte","private":true,"type":"module"}\n',
        "vite.config.js": "import { defineConfig } from 'vite';\nimport { svelte } from '@sveltejs/vite-plugin-svelte';\n"
                          "export default defineConfig({ plugins: [svelte()] });\n",
        "svelte.config.js": "export default {};\n",
        "tsconfig.json": '{"compilerOptions":{"target":"ES2022","module":"ESNext","moduleResolution":"bundler",'
                         '"strict":true,"types":["svelte"],"verbatimModuleSyntax":true,"isolatedModules":true,'
                         '"skipLibCheck":true},"include":["src/**/*.ts","src/**/*.svelte"]}\n',
        "index.html": '<!doctype html><html><body><div id="app"></div><script type="module" src="/src/main.ts">'
                      '</script></body></html>\n',
        "src/main.ts": "import { mount } from 'svelte';\nimport App from './App.svelte';\n"
                       "mount(App, { target: document.getElementById('app')! });\n",
    }
    imports, uses = [], []
    for k, plant in enumerate(PLANTS):
        name = plant.capitalize()
        files[f"src/lib/{name}.svelte"] = svelte_component(plant, rnd, k % 3)
        imports.append(f"  import {name} from './lib/{name}.svelte';")
        uses.append(f'<{name} price={{{rnd.randint(2, 80)}}} />' if k % 4 else f'<{name} price="cheap" />')
    files["src/App.svelte"] = "<script lang=\"ts\">\n" + "\n".join(imports) + "\n</script>\n\n" + "\n".join(uses) + \
        "\n<a href=\"#\">more plants</a>\n"
    write_tree(app, files)
    env = bin_env("svelte")
    cap("svelte-check", "npx svelte-check", app, n_svelte_check, timeout=400, env=env)
    cap("svelte-check-fail-on-warnings", "npx svelte-check --fail-on-warnings --compiler-warnings "
        "export_let_unused:ignore; echo EXIT=$?", app, n_svelte_check, timeout=400, env=env)
    cap("svelte-check-tail", "npx svelte-check --threshold error 2>&1 | tail -n 80; echo EXIT=$?", app,
        n_svelte_check, timeout=400, env=env)
    cap("vite-build-svelte", "npx vite build", app, n_vite_build_svelte, timeout=400, env=env)
    cap("vite-build-svelte-exit", "npx vite build --minify false 2>&1 | tail -n 80; echo EXIT=$?", app,
        n_vite_build_svelte, timeout=400, env=env)
    # the vite dev server, read after a few requests and a broken edit
    log = tmp / "vite-dev.log"
    p = start("npx vite --port 5268 --strictPort", cwd=app, log=open(log, "w"), env=env)
    try:
        if wait_for(log, r"Local:"):
            for path in ["/", "/src/main.ts", "/src/App.svelte", "/src/lib/Fern.svelte", "/nope.js"]:
                curl(f"http://127.0.0.1:5268{path}")
            (app / "src/lib/Ivy.svelte").write_text("<script>\n  let x = ;\n</script>\n<p>{x}</p>\n")
            curl("http://127.0.0.1:5268/src/lib/Ivy.svelte")
            (app / "src/lib/Palm.svelte").write_text("<script>\n  import { nope } from './Nope.svelte';\n</script>"
                                                     "\n<p>{nope}</p>\n")
            curl("http://127.0.0.1:5268/src/lib/Palm.svelte")
            time.sleep(2)
    finally:
        stop_group(p)
    add("vite-dev-log", "npx vite --port 5268 > /tmp/vite-dev.log 2>&1 & sleep 20; cat /tmp/vite-dev.log",
        log.read_text(errors="replace"), n_vite_dev_log)


# ------------------------------------------------------------------ Vue

def vue_component(name: str, rnd: random.Random, broken: int) -> str:
    bug = {1: "\nconst total: string = props.price * 2;", 2: "\nconst label = formatName(props.name);"}.get(broken, "")
    tmpl = '<li v-for="n in count">{{ n }}</li>' if broken else '<li v-for="n in count" :key="n">{{ n }}</li>'
    return f"""<script setup lang="ts">
const props = defineProps<{{ name: string; price: number }}>();
const count = {rnd.randint(1, 9)};{bug}
</script>

<template>
  <section class="{name}">
    <h3>{{{{ props.name }}}}</h3>
    <ul>{tmpl}</ul>
  </section>
</template>

<style scoped>
.{name} {{ padding: {rnd.randint(1, 9)}px; }}
</style>
"""


def vue(tmp: Path) -> None:
    app = tmp / "sproutly-vue"
    link(app, "vue")
    rnd = random.Random(6868)
    files = {
        "package.json": '{"name":"sproutly-vue","private":true,"type":"module"}\n',
        "vite.config.ts": "import { defineConfig } from 'vite';\nimport vue from '@vitejs/plugin-vue';\n"
                          "export default defineConfig({ plugins: [vue()] });\n",
        "tsconfig.json": '{"compilerOptions":{"target":"ES2022","module":"ESNext","moduleResolution":"bundler",'
                         '"strict":true,"jsx":"preserve","skipLibCheck":true,"noEmit":true},'
                         '"include":["src/**/*.ts","src/**/*.vue"]}\n',
        "index.html": '<!doctype html><html><body><div id="app"></div><script type="module" src="/src/main.ts">'
                      '</script></body></html>\n',
        "src/env.d.ts": "declare module '*.vue' { import type { DefineComponent } from 'vue'; "
                        "const c: DefineComponent; export default c; }\n",
        "src/main.ts": "import { createApp } from 'vue';\nimport App from './App.vue';\ncreateApp(App).mount('#app');\n",
    }
    imports, uses = [], []
    for k, plant in enumerate(PLANTS):
        name = "Plant" + plant.capitalize()
        files[f"src/components/{name}.vue"] = vue_component(plant, rnd, k % 3)
        imports.append(f"import {name} from './components/{name}.vue';")
        uses.append(f'  <{name} name="{plant}" :price="{rnd.randint(2, 80)}" />' if k % 5
                    else f'  <{name} name="{plant}" price="cheap" :pot="true" />')
    files["src/App.vue"] = "<script setup lang=\"ts\">\n" + "\n".join(imports) + \
        "\n</script>\n\n<template>\n  <main>\n" + "\n".join(uses) + "\n  </main>\n</template>\n"
    # a compiler warning: an SFC with a stray <template> root problem and a v-if/v-for together
    files["src/components/Basket.vue"] = ("<script setup>\nconst items = [1, 2];\n</script>\n<template>\n"
                                          "  <li v-for=\"i in items\" v-if=\"i > 1\" :key=\"i\">{{ i }}</li>\n"
                                          "</template>\n<style scoped>\n:deep .x { color: red; }\n"
                                          "::v-deep .y { color: blue; }\n</style>\n")
    files["src/App.vue"] = files["src/App.vue"].replace("</script>", "import Basket from './components/Basket.vue';"
                                                        "\n</script>").replace("  </main>", "  <Basket />\n  </main>")
    write_tree(app, files)
    env = bin_env("vue")
    cap("vue-tsc", "npx vue-tsc --noEmit", app, n_vue_tsc, timeout=400, env=env)
    cap("vue-tsc-exit", "npx vue-tsc --noEmit -p tsconfig.json 2>&1 | tail -n 80; echo EXIT=$?", app, n_vue_tsc,
        timeout=400, env=env)
    cap("vue-tsc-pretty", "npx vue-tsc --noEmit --pretty", app, n_vue_tsc, timeout=400, env=env)
    cap("vite-build-vue", "npx vite build", app, n_vite_build_vue, timeout=400, env=env)
    for k, plant in enumerate(PLANTS[:12]):
        (app / f"src/components/Tray{k}.vue").write_text(
            f"<script setup>\nconst pots = ['{plant}', 'pot{k}'];\n</script>\n<template>\n  <li v-for=\"p in pots\" "
            f"v-if=\"p !== 'x'\" :key=\"p\">{{{{ p }}}}</li>\n</template>\n<style scoped>\n:deep .t{k} {{ margin: {k}px; }}\n"
            f"::v-deep .u{k} {{ color: red; }}\n>>> .v{k} {{ padding: 0; }}\n</style>\n")
    app_vue = app / "src/App.vue"
    app_vue.write_text(app_vue.read_text().replace("</script>", "".join(
        f"import Tray{k} from './components/Tray{k}.vue';\n" for k in range(12)) + "</script>").replace(
        "  </main>", "".join(f"  <Tray{k} />\n" for k in range(12)) + "  </main>"))
    cap("vite-build-vue-tail", "npx vite build 2>&1 | tail -n 80; echo EXIT=$?", app, n_vite_build_vue, timeout=400,
        env=env)
    log = tmp / "vite-dev-vue.log"
    p = start("npx vite --port 5368 --strictPort", cwd=app, log=open(log, "w"), env=env)
    try:
        if wait_for(log, r"Local:"):
            for path in ["/", "/src/main.ts", "/src/App.vue", "/src/components/Basket.vue", "/src/components/Tray3.vue"]:
                curl(f"http://127.0.0.1:5368{path}")
            (app / "src/components/Tray3.vue").write_text("<template>\n  <li v-for=\"p in\">{{ p }</li>\n</template>\n")
            curl("http://127.0.0.1:5368/src/components/Tray3.vue")
            (app / "src/components/Tray4.vue").write_text("<script setup>\nimport { ref } from 'vue'\nimport Pot from "
                                                          "'./Pot.vue'\n</script>\n<template><Pot /></template>\n")
            curl("http://127.0.0.1:5368/src/components/Tray4.vue")
            curl("http://127.0.0.1:5368/src/components/Missing.vue")
            time.sleep(2)
    finally:
        stop_group(p)
    add("vite-dev-log-vue", "npx vite --port 5368 2>&1 | tee /tmp/vite.log & sleep 20; kill %1; cat /tmp/vite.log",
        log.read_text(errors="replace"), n_vite_dev_log)


# ------------------------------------------------------------------ ESLint's React plugins, PostCSS, Tailwind

def jsx_component(name: str, rnd: random.Random, k: int) -> str:
    bad = [
        f'<img src="/{name}.png" />',
        f'<div onClick={{() => buy("{name}")}}>buy</div>',
        f'<a href="#" onClick={{buy}}>{name}</a>',
        f'<label>qty</label><input type="number" />',
        f'<ul>{{items.map((i) => <li>{{i}}</li>)}}</ul>',
        f'<button>{{unknownVar}}</button>',
    ]
    picks = rnd.sample(bad, 3) if k % 2 else [f'<img src="/{name}.png" alt="{name}" />']
    return f"""import React from 'react';

export default function {name.capitalize()}Card({{ items, buy }}) {{
  const [count, setCount] = React.useState({rnd.randint(0, 5)});
  return (
    <section className="card">
      {chr(10).join('      ' + p for p in picks)}
      <p>{{count}}</p>
    </section>
  );
}}
"""


def lint_css(tmp: Path) -> None:
    app = tmp / "sproutly-react"
    link(app, "misc")
    rnd = random.Random(680)
    files = {
        "package.json": '{"name":"sproutly-react","private":true,"type":"module"}\n',
        "eslint.config.js": """import react from 'eslint-plugin-react';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';
export default [
  {
    files: ['src/**/*.jsx'],
    plugins: { react, 'jsx-a11y': jsxA11y },
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } }, globals: { ...globals.browser } },
    settings: { react: { version: '19.0' } },
    rules: { ...react.configs.recommended.rules, ...jsxA11y.configs.recommended.rules,
             'react/jsx-key': 'error', 'react/jsx-no-undef': 'error', 'no-undef': 'error',
             'jsx-a11y/anchor-is-valid': 'warn', 'jsx-a11y/click-events-have-key-events': 'warn' },
  },
];
""",
    }
    for k, plant in enumerate(PLANTS):
        files[f"src/cards/{plant.capitalize()}Card.jsx"] = jsx_component(plant, rnd, k)
    # PostCSS and Tailwind inputs
    css = ["@tailwind base;", "@tailwind components;", "@tailwind utilities;"]
    for k, plant in enumerate(PLANTS):
        css.append(f".{plant}-card {{ @apply p-{rnd.randint(1, 8)} rounded-lg {'text-leafy' if k % 6 == 0 else 'text-green-700'}; "
                   f"display: flex; -webkit-box-shadow: 0 0 {k}px #000; }}")
    files["styles/app.css"] = "\n".join(css) + "\n"
    files["tailwind.config.cjs"] = ("module.exports = { content: ['./src/**/*.jsx', './pages/**/*.nothere'],"
                                    " theme: { extend: {} }, plugins: [] };\n")
    files["styles/legacy.css"] = "\n".join(
        f".pot-{i} {{ display: box; color: #{rnd.randrange(0x1000000):06x}; transition: all {i}s; "
        f"{'user-select: none;' if i % 3 == 0 else ''} }}" for i in range(40)) + "\n.broken { color: red;\n"
    files["postcss.config.cjs"] = "module.exports = { plugins: [require('autoprefixer')] };\n"
    files["styles/grid.css"] = "\n".join(
        f".bed-{i} {{ display: grid; grid-template-areas: 'a b' 'c'; grid-gap: {i}px; "
        f"{'background: linear-gradient(top, #fff, #000);' if i % 4 == 0 else ''} }}" for i in range(30)) + "\n"
    files[".browserslistrc"] = "> 0.1%\nie 11\n"
    write_tree(app, files)
    env = bin_env("misc")
    cap("eslint-react-a11y", "npx eslint src", app, n_eslint_react, env=env)
    cap("eslint-react-a11y-tail", "npx eslint src/cards 2>&1 | tail -n 80; echo EXIT=$?", app, n_eslint_react,
        env=env)
    cap("eslint-react-a11y-max-warnings", "npx eslint --max-warnings 0 src/cards/FernCard.jsx src/cards/FicusCard.jsx "
        "src/cards/PothosCard.jsx src/cards/AloeCard.jsx src/cards/OrchidCard.jsx; echo EXIT=$?", app, n_eslint_react,
        env=env)
    cap("postcss-cli", "npx postcss styles/grid.css -o /tmp/hm-corpus-wide68/out/grid.css", app, n_postcss, env=env)
    cap("postcss-cli-exit", "npx postcss styles/legacy.css styles/grid.css -d /tmp/hm-corpus-wide68/out; echo EXIT=$?",
        app, n_postcss, env=env)
    cap("tailwindcss-build", "npx tailwindcss -c tailwind.config.cjs -i styles/app.css -o /tmp/hm-corpus-wide68/out/tw.css",
        app, n_tailwind, env=env)
    (app / "styles/app.css").write_text((app / "styles/app.css").read_text().replace("text-leafy", "text-lime-600"))
    cap("tailwindcss-build-ok", "npx tailwindcss -c tailwind.config.cjs -i styles/app.css -o /tmp/hm-corpus-wide68/out/tw.css"
        " --minify; echo EXIT=$?", app, n_tailwind, env=env)


# ------------------------------------------------------------------ watchers: nodemon, tsc --watch, webpack --watch

def watch(tmp: Path, item_id: str, typed: str, cmd: str, cwd: Path, env: dict, ready: str, edits: list, ext) -> None:
    """Start a watcher, wait until it is ready, make each edit (path, text) a few seconds apart, stop it, add its log."""
    log = tmp / f"{item_id}.log"
    p = start(cmd, cwd=cwd, log=open(log, "w"), env=env)
    try:
        wait_for(log, ready, 90)
        for path, text in edits:
            time.sleep(3)
            (cwd / path).write_text(text)
        time.sleep(8)
    finally:
        stop_group(p)
    add(item_id, typed, log.read_text(errors="replace"), ext)


def watchers(tmp: Path) -> None:
    env = bin_env("misc")
    srv = tmp / "sproutly-api"
    link(srv, "misc")
    rnd = random.Random(6800)
    routes = "\n".join(f"  '/{p}': () => ({{ plant: '{p}', stock: {rnd.randint(0, 50)} }})," for p in PLANTS)
    write_tree(srv, {
        "package.json": '{"name":"sproutly-api","private":true}\n',
        "server.js": f"const http = require('http');\nconst {{ price }} = require('./pricing');\nconst routes = {{\n"
                     f"{routes}\n}};\nhttp.createServer((q, s) => s.end(JSON.stringify((routes[q.url] || (() => ({{}})))())))"
                     f".listen(0, () => console.log('sproutly api up, price(fern)=' + price('fern')));\n",
        "pricing.js": "exports.price = (p) => p.length * 2;\n",
    })
    edits = [("pricing.js", "exports.price = (p) => p.lenght.toFixed(2);\n"),
             ("pricing.js", "exports.price = (p) => { throw new RangeError('no price list for ' + p); };\n"),
             ("pricing.js", "const tax = require('./tax');\nexports.price = (p) => tax(p.length);\n"),
             ("pricing.js", "exports.price = (p) => p.length * 3;\n")]
    edits2 = [("server.js", "import http from 'http';\n" + (srv / "server.js").read_text()),
              ("server.js", (srv / "server.js").read_text().replace(".listen(0,", ".listen(-5,")),
              ("server.js", (srv / "server.js").read_text())]
    watch(tmp, "nodemon-log", "npx nodemon server.js", "npx nodemon --delay 0.5 server.js", srv, env,
          r"sproutly api up|crashed", edits, n_nodemon)
    watch(tmp, "nodemon-log-exec", "npx nodemon --watch . --ext js,json --exec 'node server.js'",
          "npx nodemon --watch . --ext js,json --exec 'node server.js'", srv, env, r"sproutly api up|crashed", edits2,
          n_nodemon)
    # tsc --watch over a small TypeScript library, widened by a seeded generator
    lib = tmp / "sproutly-ts"
    link(lib, "misc")
    files = {"tsconfig.json": '{"compilerOptions":{"strict":true,"outDir":"out","target":"ES2022","module":"commonjs",'
                              '"skipLibCheck":true},"include":["src"]}\n'}
    for k, plant in enumerate(PLANTS):
        body = f"export function {plant}Price(qty: number): number {{\n  return qty * {rnd.randint(2, 40)};\n}}\n"
        if k % 5 == 1:
            body += f"export const {plant}Label: string = {plant}Price(2);\n"
        files[f"src/{plant}.ts"] = body
    files["src/index.ts"] = "".join(f"export * from './{p}';\n" for p in PLANTS)
    write_tree(lib, files)
    edits = [("src/fern.ts", "export function fernPrice(qty: number): number {\n  return qty.toFixd(2);\n}\n"),
             ("src/ivy.ts", "import { missing } from './nowhere';\nexport function ivyPrice(q: number) { return missing(q); }\n"),
             ("src/fern.ts", "export function fernPrice(qty: number): number {\n  return qty * 2;\n}\n")]
    watch(tmp, "tsc-watch", "npx tsc --watch --preserveWatchOutput", "npx tsc --watch --preserveWatchOutput", lib, env,
          r"Watching for file changes", edits, n_tsc_watch)
    # webpack --watch over a small bundle
    wp = tmp / "sproutly-web"
    link(wp, "misc")
    files = {"webpack.config.cjs": "module.exports = { mode: 'development', entry: './src/index.js', devtool: false,"
                                   " output: { path: __dirname + '/dist', filename: 'bundle.js' } };\n",
             "package.json": '{"name":"sproutly-web","private":true}\n'}
    for k, plant in enumerate(PLANTS):
        files[f"src/{plant}.js"] = (f"export const {plant} = {{ name: '{plant}', price: {rnd.randint(2, 90)} }};\n"
                                    + "".join(f"export const {plant}Tag{j} = '{plant}-{j}';\n" for j in range(30)))
    files["src/index.js"] = "".join(f"import {{ {p} }} from './{p}.js';\n" for p in PLANTS) + \
        "console.log([" + ", ".join(PLANTS) + "].length);\n"
    write_tree(wp, files)
    edits = [("src/fern.js", "export const fern = { name: 'fern', price: 3 ;\n"),
             ("src/index.js", files["src/index.js"].replace("'./ivy.js'", "'./ivy-new.js'")),
             ("src/fern.js", files["src/fern.js"]),
             ("src/index.js", files["src/index.js"])]
    watch(tmp, "webpack-watch", "npx webpack --watch --config webpack.config.cjs",
          "npx webpack --watch --config webpack.config.cjs --no-color", wp, env, r"compiled", edits, n_webpack_watch)




# ------------------------------------------------------------------ Next.js

NEXT_ENV = {"NEXT_TELEMETRY_DISABLED": "1"}


def next_app(tmp: Path) -> Path:
    app = tmp / "sproutly-next"
    link(app, "next")
    rnd = random.Random(68068)
    files = {
        "package.json": '{"name":"sproutly-next","private":true,"scripts":{"build":"next build","dev":"next dev",'
                        '"lint":"next lint"}}\n',
        "tsconfig.json": '{"compilerOptions":{"target":"ES2017","lib":["dom","dom.iterable","esnext"],"strict":true,'
                         '"noEmit":true,"esModuleInterop":true,"module":"esnext","moduleResolution":"bundler",'
                         '"resolveJsonModule":true,"isolatedModules":true,"jsx":"preserve","skipLibCheck":true,'
                         '"allowJs":false,"incremental":false,"plugins":[{"name":"next"}]},'
                         '"include":["next-env.d.ts","**/*.ts","**/*.tsx"],"exclude":["node_modules"]}\n',
        "next.config.mjs": "export default { reactStrictMode: true };\n",
        "eslint.config.mjs": "import { FlatCompat } from '@eslint/eslintrc';\n"
                             "const compat = new FlatCompat({ baseDirectory: import.meta.dirname });\n"
                             "export default [...compat.extends('next/core-web-vitals', 'next/typescript')];\n",
        "app/layout.tsx": "export const metadata = { title: 'Sproutly' };\nexport default function RootLayout("
                          "{ children }: { children: React.ReactNode }) {\n  return <html lang=\"en\"><body>"
                          "{children}</body></html>;\n}\n",
        "app/page.tsx": "import Link from 'next/link';\nexport default function Home() {\n  return <main><h1>Sproutly"
                        "</h1><Link href=\"/plants/fern\">fern</Link></main>;\n}\n",
        "lib/catalog.ts": "export type Plant = { slug: string; price: number; stock: number };\nexport const catalog: "
                          "Plant[] = [\n" + "".join(f"  {{ slug: '{p}', price: {rnd.randint(3, 90)}, stock: "
                                                    f"{rnd.randint(0, 30)} }},\n" for p in PLANTS) + "];\n",
        "app/plants/[slug]/page.tsx": "import { catalog } from '@/lib/catalog';\nexport function generateStaticParams() "
                                      "{ return catalog.map((p) => ({ slug: p.slug })); }\nexport default async function "
                                      "PlantPage({ params }: { params: Promise<{ slug: string }> }) {\n  const { slug } = "
                                      "await params;\n  const p = catalog.find((x) => x.slug === slug)!;\n  return <div>"
                                      "<h2>{p.slug}</h2><p>{p.price}</p></div>;\n}\n",
        "app/api/stock/route.ts": "import { catalog } from '@/lib/catalog';\nexport const dynamic = 'force-dynamic';\n"
                                  "export async function GET() {\n  return Response.json(catalog.filter((p) => "
                                  "p.stock < 3));\n}\n",
        "app/checkout/page.tsx": "export const dynamic = 'force-dynamic';\nexport default async function Checkout() {\n"
                                 "  const basket = null as unknown as { items: string[] };\n  return <p>{basket.items.length} items</p>;\n}\n",
    }
    files["tsconfig.json"] = files["tsconfig.json"].replace('"plugins"', '"paths":{"@/*":["./*"]},"plugins"')
    for k, topic in enumerate(["watering", "repotting", "pests", "light", "soil", "fertilizer", "cuttings"]):
        warn = f'<img src="/{topic}.png" />' if k % 2 else f'<p>{topic}</p>'
        unused = f"  const unused{k} = {k};\n" if k % 3 == 0 else ""
        files[f"app/guides/{topic}/page.tsx"] = (f"export default function Guide() {{\n{unused}  return <article>"
                                                 f"<h2>{topic}</h2>{warn}</article>;\n}}\n")
    # the bugs of the first builds: missing modules, a lint error, a type error, a page that throws when prerendered
    files["app/cart/page.tsx"] = ("import { formatPrice } from '@/lib/money';\nimport Basket from '@/components/Basket';"
                                  "\nexport default function Cart() {\n  return <div><Basket /><p>{formatPrice(12)}</p>"
                                  "</div>;\n}\n")
    files["app/wishlist/page.tsx"] = ("import { useWishlist } from '@/hooks/useWishlist';\nimport 'leaflet/dist/leaflet.css';"
                                      "\nexport default function Wishlist() {\n  return <p>{useWishlist().length}</p>;\n}\n")
    files["app/guides/soil/page.tsx"] = ("export default function Guide() {\n  return <article><h2>soil</h2><p>Don't "
                                         "overwater, it's \"bad\"</p></article>;\n}\n")
    write_tree(app, files)
    return app


def nextjs(tmp: Path) -> None:
    app = next_app(tmp)
    env = {**bin_env("next"), **NEXT_ENV}
    cap("next-lint", "npx next lint", app, n_next_lint, timeout=600, env=env)
    cap("next-build-failed", "npx next build", app, n_next_build_failed, timeout=600, env=env)
    write_tree(app, {"lib/money.ts": "export function formatPrice(cents: number): string {\n  return cents / 100;\n}\n",
                     "components/Basket.tsx": "export default function Basket() {\n  return <ul><li>pot</li></ul>;\n}\n",
                     "hooks/useWishlist.ts": "export function useWishlist(): string[] {\n  return [];\n}\n"})
    wl = app / "app/wishlist/page.tsx"
    wl.write_text(wl.read_text().replace("import 'leaflet/dist/leaflet.css';\n", ""))
    cap("next-build-failed-exit", "npx next build; echo EXIT=$?", app, n_next_build_failed, timeout=600, env=env)
    soil = app / "app/guides/soil/page.tsx"
    soil.write_text(soil.read_text().replace("Don't overwater, it's \"bad\"", "Do not overwater"))
    (app / "app/plants/[slug]/page.tsx").write_text((app / "app/plants/[slug]/page.tsx").read_text().replace(
        "<p>{p.price}</p>", "<p>{p.price.toFixed(2, 'en')}</p>"))
    cap("next-build-failed-type", "npm run build 2>&1 | tail -n 80; echo EXIT=$?", app, n_next_build_failed,
        timeout=600, env=env)
    (app / "lib/money.ts").write_text("export function formatPrice(cents: number): string {\n  return (cents / 100)"
                                      ".toFixed(2);\n}\n")
    page = app / "app/plants/[slug]/page.tsx"
    page.write_text(page.read_text().replace("p.price.toFixed(2, 'en')", "p.price.toFixed(2)"))
    soil.write_text("export default function Guide() {\n  const mix = JSON.parse('{soil');\n  return <article>"
                    "<h2>soil</h2><p>{mix.peat}</p></article>;\n}\n")
    cap("next-build-failed-prerender", "npx next build 2>&1 | tail -n 80", app, n_next_build_failed, timeout=600,
        env=env)
    soil.write_text("export default function Guide() {\n  return <article><h2>soil</h2></article>;\n}\n")
    cap("next-build", "npx next build", app, n_next_build, timeout=600, env=env)
    # next dev: a few requests, one route that throws, then stop
    log = tmp / "next-dev.log"
    p = start("npx next dev -p 3068", cwd=app, log=open(log, "w"), env=env)
    try:
        if wait_for(log, r"Ready in|Local:", 90):
            for path in ["/", "/plants/fern", "/checkout", "/api/stock", "/guides/pests", "/nope", "/checkout",
                         *(f"/plants/{p}" for p in PLANTS[1:8]), "/cart", "/wishlist", "/checkout"]:
                curl(f"http://127.0.0.1:3068{path}")
            time.sleep(2)
    finally:
        stop_group(p)
    log2 = tmp / "next-dev-turbo.log"
    (app / "app/guides/pests/page.tsx").write_text("export default function Guide() {\n  throw new Error("
                                                   "'aphid table missing');\n}\n")
    p = start("npx next dev --turbopack -p 3069", cwd=app, log=open(log2, "w"), env=env)
    try:
        if wait_for(log2, r"Ready in|Local:", 90):
            for path in ["/", "/guides/pests", "/plants/ivy", "/api/stock", "/checkout", "/guides/pests", "/cart"]:
                curl(f"http://127.0.0.1:3069{path}")
            time.sleep(2)
    finally:
        stop_group(p)
    add("next-dev-log-turbopack", "npm run dev -- --turbopack -p 3069 > dev.log 2>&1 & sleep 45; tail -n 200 dev.log",
        log2.read_text(errors="replace"), n_next_dev_log)
    add("next-dev-log", "npx next dev -p 3068 > /tmp/next-dev.log 2>&1 & sleep 60; cat /tmp/next-dev.log",
        log.read_text(errors="replace"), n_next_dev_log)




# ------------------------------------------------------------------ Astro

def astro(tmp: Path) -> None:
    app = tmp / "sproutly-astro"
    link(app, "astro")
    rnd = random.Random(66868)
    files = {
        "package.json": '{"name":"sproutly-astro","private":true,"type":"module"}\n',
        "astro.config.mjs": "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n",
        "tsconfig.json": '{"extends":"astro/tsconfigs/strict","include":[".astro/types.d.ts","**/*"],'
                         '"exclude":["dist"]}\n',
        "src/layouts/Base.astro": "---\ninterface Props { title: string }\nconst { title } = Astro.props;\n---\n"
                                  "<html lang=\"en\"><head><title>{title}</title></head><body><slot /></body></html>\n",
        "src/components/PlantCard.astro": "---\ninterface Props { name: string; price: number }\n"
                                          "const { name, price } = Astro.props;\n---\n<div class=\"card\"><h3>{name}</h3>"
                                          "<p>{price.toFixed(2)}</p></div>\n",
    }
    for k, plant in enumerate(PLANTS):
        if k % 4 == 1:
            card = f'<PlantCard name="{plant}" price="{rnd.randint(2, 60)}" />'
        elif k % 4 == 2:
            card = f'<PlantCard name="{plant}" />'
        else:
            card = f'<PlantCard name="{plant}" price={{{rnd.randint(2, 60)}}} />'
        extra = "\nconst unused = 1;" if k % 5 == 0 else ""
        extra += "\nconst stock: number = 'many';" if k % 6 == 3 else ""
        img = f'<img src="/{plant}.png">' if k % 3 == 0 else ""
        files[f"src/pages/plants/{plant}.astro"] = (
            f"---\nimport Base from '../../layouts/Base.astro';\nimport PlantCard from '../../components/PlantCard."
            f"astro';{extra}\n---\n<Base title=\"{plant}\">\n  {card}\n  {img}\n</Base>\n")
    files["src/pages/index.astro"] = ("---\nimport Base from '../layouts/Base.astro';\n---\n<Base title=\"Sproutly\">"
                                      "<h1>Sproutly</h1></Base>\n")
    write_tree(app, files)
    env = bin_env("astro")
    env["ASTRO_TELEMETRY_DISABLED"] = "1"
    cap("astro-check", "npx astro check", app, n_astro_check, timeout=600, env=env)
    cap("astro-check-tail", "npx astro check 2>&1 | tail -n 80; echo EXIT=$?", app, n_astro_check, timeout=600,
        env=env)
    cap("astro-build", "npx astro build", app, n_astro_build, timeout=600, env=env)
    # a page that throws while it is rendered at build time
    (app / "src/pages/care.astro").write_text("---\nconst guide = await fetch('http://127.0.0.1:9/care.json')"
                                               ".then((r) => r.json());\n---\n<p>{guide.title}</p>\n")
    cap("astro-build-failed", "npx astro build; echo EXIT=$?", app, n_astro_build, timeout=600, env=env)
    (app / "src/pages/care.astro").unlink()
    (app / "src/components/PlantCard.astro").write_text(
        "---\ninterface Props { name: string; price?: number | string }\nconst { name, price = 0 } = Astro.props;\n---\n"
        "<div class=\"card\"><h3>{name}</h3><p>{Number(price).toFixed(2)}</p></div>\n")
    cap("astro-build-ok", "npx astro build 2>&1 | tail -n 80", app, n_astro_build, timeout=600, env=env)


STEPS = [svelte, vue, lint_css, watchers, nextjs, astro]
