"""Round 195: apps written here with faults put in (a marina's apps: a Nuxt booking site, a React Router harbour
guide, a Storybook of chart widgets, a Rush monorepo of dock services, a Capacitor shell, a Stencil widget library and
an Electron packaging config), widened by seeded generators, run through each framework's command line; the
extractors of NEEDLES.md's "Round 195" rules. Run through capture_wide195.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import groups, mask, next_match, prev_match, run, write_tree
from capture_wide195 import RR, TOOLS, cap, exit_lines, link_modules

LOC = re.compile(r"\S+\.(?:[cm]?[jt]sx?|vue|css|json|html|mdx?):\d+(?::\d+)?")
WORDS = ["berth", "tide", "pontoon", "mooring", "harbour", "keel", "buoy", "slip", "jetty", "ferry", "crane", "fuel"]


def _size(s):
    m = re.search(r"([\d.]+)\s*(B|kB|KiB|KB|MiB|MB|bytes)\b", s)
    if not m:
        return None
    return float(m.group(1)) * {"B": 1, "bytes": 1, "kB": 1e3, "KB": 1e3, "KiB": 1024, "MB": 1e6,
                                "MiB": 1 << 20}[m.group(2)]


def _extremes(rows):
    sized = [(v, r) for r in rows if (v := _size(r)) is not None]
    return [max(sized)[1], min(sized)[1]] if sized else []


def _warn_shapes(lines, pat):
    return groups((mask(ln), ln) for ln in lines if re.search(pat, ln))


def _with_loc(lines, pat, skip=None):
    out = []
    for i, ln in enumerate(lines):
        if re.search(pat, ln) and not (skip and re.search(skip, ln)):
            out.append(ln)
            if not LOC.search(ln):
                out.append(next_match(lines, i, LOC.pattern))
    return out


# ------------------------------------------------------------------ extractors

@cm.kind("nuxi-build", "build")
def n_nuxi_build(lines):
    """Every ERROR/[error]/Error: line with its file:line:col within six, WARN lines one {any} per shape, the Nuxt/Nitro line, every built-in line, Σ Total size, largest and smallest output rows, the preview line; EXIT."""
    out = _with_loc(lines, r"\bERROR\b|\[error\]|Error:|^\s*error\b", skip=r"^\s+at ")
    out += _warn_shapes([ln for ln in lines if ln not in out], r"\bWARN\b|\[warn\]")
    out += [ln for ln in lines if re.search(r"Nuxt \S+ (\(with|with) Nitro|built in|Σ Total size|You can preview this"
                                            r" build", ln)]
    out += _extremes([ln for ln in lines if re.match(r"\s*[├└]─ ", ln)])
    out += _extremes([ln for ln in lines if re.match(r"\[info\] \S+\.\w+\s+[\d.]+ \w?B\b", ln)])
    return out + exit_lines(lines)


@cm.kind("nuxi-typecheck", "lint")
def n_nuxi_typecheck(lines):
    """Every error TS line (with its location, or the file:line:col line within six above), the Found N errors line, the Errors Files table header and rows; EXIT."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"error TS\d+", ln):
            out.append(ln)
            if not LOC.search(ln) and not re.search(r"\(\d+,\d+\)", ln):
                out.append(prev_match(lines, i, LOC.pattern))
    out += [ln for ln in lines if re.search(r"Found \d+ errors?", ln)]
    out += [ln for ln in lines if re.match(r"\s*Errors\s+Files", ln) or re.match(r"\s+\d+\s+\S+\.(vue|ts|tsx):\d+", ln)]
    out += [ln for ln in lines if re.search(r"\bERROR\b|Error:", ln) and "error TS" not in ln]
    return out + exit_lines(lines)


@cm.kind("storybook-build", "build")
def n_storybook_build(lines):
    """The storybook vX line, every ERR!/[…ERROR]/Error:/error/SB_ line with its location within six, WARN one {any} per shape, the Output directory / completed / failure line; EXIT."""
    body = [re.sub(r"^[│|]\s{1,2}", "", ln) for ln in lines]  # the lines without the frame Storybook draws
    frame = re.compile(r"^\s*at |^\s*\((file|node):|^\s*\S+ \(file:")
    out = [ln for ln in lines if re.search(r"storybook v\d|Storybook \d+\.\d+", ln)][:1]
    for i, b in enumerate(body):
        # rule 1: a bundler's error entry under "Build failed with N errors" opens with its code in brackets
        if frame.search(b) or not re.search(r"ERR!|\[\w*ERROR\]|Error:|error|SB_[A-Z_]+|^\[[A-Z][A-Z_]+\] ", b):
            continue
        out.append(lines[i])
        if not LOC.search(b):
            for j in range(i + 1, min(len(lines), i + 7)):
                if LOC.search(body[j]) and not frame.search(body[j]):
                    out.append(lines[j])
                    break
    out += _warn_shapes([ln for ln in lines if ln not in out], r"\bWARN\b|\[WARNING\]")
    out += [ln for ln in lines if re.search(r"Output directory:|build completed successfully|Failed to build|"
                                            r"Build failed|preview built", ln) and ln not in out]
    return out + exit_lines(lines)


@cm.kind("react-router-build", "build")
def n_rr_build(lines):
    """Every error line with its location within six, warnings one {any} per shape, every building-environment / building for production header, every built in line, largest and smallest asset rows of each listing; EXIT."""
    out = _with_loc(lines, r"\[vite\].*(rror|fail)|Error:|error during build|Could not resolve|is not exported by|"
                           r"\bERROR\b|\[plugin|Build failed|^\[[A-Z][A-Z_]+\] ", skip=r"^\s+at ")
    out += _warn_shapes([ln for ln in lines if ln not in out], r"(?i)\bwarn(ing)?\b|\(!\)")
    out += [ln for ln in lines if re.search(r"building (for production|\S+ environment|SSR bundle)|built in|"
                                            r"✓ \d+ modules transformed", ln)]
    block: list[str] = []
    for ln in lines + [""]:
        if re.match(r"\S+\.(js|css|mjs|html|json)\s+[\d.]+\s*kB", ln.replace("build/", "").strip()):
            block.append(ln)
        elif block:
            out += _extremes(block)
            block = []
    return out + exit_lines(lines)


@cm.kind("react-router-routes", "listing")
def n_rr_routes(lines):
    """Every route line (<Route with path/file/index, or the JSON's "path"/"file" lines) and any error line with its location; EXIT."""
    out = [ln for ln in lines if re.search(r"<Route\b|\"(path|file|id)\":", ln)]
    out += _with_loc(lines, r"Error|error|not found|Could not", skip=r"^\s+at ")
    return out + exit_lines(lines)


@cm.kind("rush-install", "pkg")
def n_rush_install(lines):
    """The Rush Multi-Project Build Tool line, every ERROR:/Error:/ERR_PNPM_/error line, warnings one {any} per shape, the closing rush install line; EXIT."""
    out = [ln for ln in lines if "Rush Multi-Project Build Tool" in ln][:1]
    errs = [ln for ln in lines if re.search(r"ERROR|Error:|ERR_PNPM_|\berror\b|mis-?matching|failed", ln)]
    out += errs
    out += _warn_shapes([ln for ln in lines if ln not in errs], r"[Ww]arning|WARN")
    out += [ln for ln in lines if re.search(r"rush (install|update) \([\d.]+ ?\w*\)|finished successfully|"
                                            r"rush (install|update) failed", ln)]
    return out + exit_lines(lines)


@cm.kind("rush-build", "build")
def n_rush_build(lines):
    """Every --[ FAILURE/BLOCKED/WARNING ]-- header and the first error line under it, every summary project line not SUCCESS, the closing lines, each compiler error line with its location; EXIT."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"--\[ (FAILURE|BLOCKED|WARNING|SUCCESS WITH WARNINGS|FAILED)", ln):
            out.append(ln)
            out.append(next_match(lines, i, r"error|Error|ERROR|Failed|failed", 12))
    out += [ln for ln in lines if re.search(r"error TS\d+|\(\d+,\d+\): error", ln)]
    # the summary: each non-SUCCESS section's header and every project line under it
    status = None
    for ln in lines:
        m = re.match(r"==\[ ([A-Z][A-Z ]+?): \d+ operations? \]", ln)
        if m:
            status = m.group(1)
            if status != "SUCCESS":
                out.append(ln)
        elif status and status != "SUCCESS" and re.match(r"\s+@?[\w./-]+(\s|$)", ln) and not ln.strip().startswith(
                ("at ", "Invoking")):
            out.append(ln)
    out += [ln for ln in lines if re.search(r"failed to build|is blocked by|Returned error code|Error calculating|"
                                            r"^fatal:", ln)]
    out += [ln for ln in lines if re.search(r"Operations? failed|rush (re)?build \([\d.]+ ?\w*\)|"
                                            r"ERROR:|^Error:", ln) and ln not in out]
    return out + exit_lines(lines)


@cm.kind("rush-check", "pkg")
def n_rush_check(lines):
    """Every mismatched dependency's line and the project/version lines under it, the Found N mis-matching dependencies line; EXIT."""
    out = []
    for i, ln in enumerate(lines):
        # a dependency's name alone on its line, then its versions and the projects under each, indented
        if re.match(r"\S+$", ln) and i + 1 < len(lines) and re.match(r"\s+[~^<>=*]?\d", lines[i + 1]):
            out.append(ln)
            k = i + 1
            while k < len(lines) and re.match(r"\s+\S", lines[k]):
                out.append(lines[k])
                k += 1
    out += [ln for ln in lines if re.search(r"[Ff]ound (no )?\d* ?mis-?matching|ERROR|Error:", ln)]
    return out + exit_lines(lines)


@cm.kind("rush-list", "listing")
def n_rush_list(lines):
    """The table's header and every project row (past 40 rows, rule 4: header, extremes), or every "name" line of the JSON; EXIT."""
    jn = [ln for ln in lines if re.search(r"\"(name|packageName)\":", ln)]
    if jn:
        return jn + exit_lines(lines)
    hdr = [ln for ln in lines if re.search(r"Project\b.*Version|Project Name", ln)]
    rows = [ln for ln in lines if re.match(r"\s*[║│|]?\s*@?[\w-]+/?[\w.-]*\s+[║│|]?\s*\S+", ln) and ln not in hdr
            and not re.search(r"Rush Multi-Project|^\s*[═─=-]+", ln)]
    rows = [r for r in rows if re.search(r"(apps|libs|tools)/", r)]
    if len(rows) > 40:
        rows = rows[:1] + rows[-1:]
    return hdr + rows + [ln for ln in lines if "ERROR" in ln] + exit_lines(lines)


@cm.kind("cap-doctor", "pkg")
def n_cap_doctor(lines):
    """Every package version line, the Installed/Latest Dependencies headers, every [error]/[warn]/[fatal] line; EXIT."""
    out = [ln for ln in lines if re.search(r"@capacitor/[\w-]+:\s*\S+|Installed Dependencies|Latest Dependencies", ln)]
    out += [ln for ln in lines if re.search(r"\[(error|warn|fatal)\]|✖", ln)]
    return out + exit_lines(lines)


@cm.kind("cap-sync", "build")
def n_cap_sync(lines):
    """Every [error]/[fatal]/✖ line and the line after it, [warn] lines one {any} per shape, the Sync finished / closing line; EXIT."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"\[(error|fatal)\]|✖", ln):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip() and not re.match(r"EXIT=", lines[i + 1]):
                out.append(lines[i + 1])
    out += _warn_shapes(lines, r"\[warn\]")
    out += [ln for ln in lines if re.search(r"Sync finished|Copy finished|finished in", ln)]
    return out + exit_lines(lines)


@cm.kind("stencil-build", "build")
def n_stencil_build(lines):
    """Every [ ERROR ] header with the file and L<n>: lines under it, [ WARN ] headers one {any} per shape, the build finished / failed line; EXIT."""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        if re.search(r"\[ ERROR \]", ln):
            out.append(ln)
            out.append(next_match(lines, i, r"\S+\.(tsx?|css|json)(, line: \d+|:\d+)?", 4))
            out.append(next_match(lines, i, r"\S", 2))  # the message under the header (rule 1)
            m = re.search(r":(\d+):\d+\s*$", ln)
            out.append(next_match(lines, i, rf"^\s*L{m.group(1)}:" if m else r"^\s*L\d+:", 8))
        elif re.search(r"\[ WARN  ?\]", ln):
            msg = next_match(lines, i, r"\S", 2) or ""  # the warning's message shape is on the line under it
            pairs.append((mask(msg), ln))
    out += groups(pairs)
    out += [ln for ln in lines if re.search(r"build (finished|failed)|build, \S+, (prod|dev) mode", ln)]
    return out + exit_lines(lines)


@cm.kind("electron-builder", "build")
def n_electron_builder(lines):
    """The Invalid configuration object line and every - configuration line under it, every ⨯ line with the line after it, every • line naming electron-builder / version= / loaded configuration; EXIT."""
    out = []
    for i, ln in enumerate(lines):
        if "Invalid configuration object" in ln or re.match(r"\s*- configuration", ln):
            out.append(ln)
        elif "⨯" in ln:
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
        elif "•" in ln and re.search(r"electron-builder|version=|loaded configuration", ln):
            out.append(ln)
    out += [ln for ln in lines if re.search(r"^Error:|^\w*Error:|Cannot compute electron version", ln) and ln not in out]
    return out + exit_lines(lines)


# ------------------------------------------------------------------ Nuxt


def nuxt_app(root: Path, broken: str, n: int = 28, seed: int = 1951) -> Path:
    """A Nuxt 4 booking site: pages and components generated; `broken` is 'build' (a missing import), 'types'
    (type errors in components) or '' (builds, with warnings)."""
    rnd = random.Random(seed)
    files = {
        "package.json": json.dumps({"name": "tidebook", "private": True, "type": "module",
                                    "scripts": {"build": "nuxt build"}}, indent=2),
        "nuxt.config.ts": "export default defineNuxtConfig({\n  compatibilityDate: '2025-07-15',\n  devtools: "
                          "{ enabled: false },\n  telemetry: false,\n  typescript: { typeCheck: false },\n})\n",
        "tsconfig.json": '{\n  "files": [],\n  "references": [\n    { "path": "./.nuxt/tsconfig.app.json" },\n'
                         '    { "path": "./.nuxt/tsconfig.server.json" },\n    { "path": "./.nuxt/tsconfig.shared.json" },\n'
                         '    { "path": "./.nuxt/tsconfig.node.json" }\n  ]\n}\n',
        "app/app.vue": "<template>\n  <NuxtLayout><NuxtPage /></NuxtLayout>\n</template>\n",
        "app/layouts/default.vue": "<template>\n  <div><header>Tidebook</header><slot /></div>\n</template>\n",
        "app/composables/useBerths.ts": """
            export interface Berth { id: string; pontoon: string; length: number; rate: number }
            export function useBerths() {
              const berths = useState<Berth[]>('berths', () => [
                { id: 'A1', pontoon: 'A', length: 10, rate: 32 },
                { id: 'B2', pontoon: 'B', length: 18, rate: 52 },
              ])
              const cheapest = computed(() => [...berths.value].sort((a, b) => a.rate - b.rate)[0])
              return { berths, cheapest }
            }
            """,
        "server/api/berths.get.ts": "export default defineEventHandler(() => ({ berths: 42, free: 7 }))\n",
        "app/pages/index.vue": "<script setup lang=\"ts\">\nconst { berths, cheapest } = useBerths()\n</script>\n"
                               "<template>\n  <main><h1>Berths</h1><p>{{ berths.length }} listed, cheapest "
                               "{{ cheapest?.id }}</p></main>\n</template>\n",
    }
    for k in range(n):
        w = WORDS[k % len(WORDS)]
        name = f"{w.capitalize()}Card{k}"
        props = "\n".join(f"  {w}{j}: number" for j in range(rnd.randint(2, 5)))
        script = f"<script setup lang=\"ts\">\nconst props = defineProps<{{\n{props}\n}}>()\n"
        tmpl = f"<template>\n  <article class=\"{w}\">{{{{ props.{w}0 }}}} m</article>\n</template>\n"
        if broken == "types" and k % 3 == 1:
            script += f"const total: number = props.{w}0.toFixed(2)\nconst label: string = props.{w}9\n"
            tmpl = f"<template>\n  <article>{{{{ props.{w}0.toUpperCase() }}}} {{{{ total }}}} {{{{ label }}}}</article>\n</template>\n"
        if broken == "build" and k in (4, 17):
            script += f"import {{ tideTable }} from '~/utils/tide-table'\nconst rows = tideTable({k})\n"
        if broken == "build" and k == 9:
            script += "import { formatKnots } from '~/composables/useBerths'\nconst kn = formatKnots(3)\n"
        files[f"app/components/{name}.vue"] = script + "</script>\n" + tmpl
        files[f"app/pages/{w}-{k}.vue"] = (f"<template>\n  <section><h2>{w} {k}</h2><{name} :{w}0=\"{k + 3}\" "
                                           f":{w}1=\"{k * 2}\" /></section>\n</template>\n")
    if broken == "types":
        files["app/pages/booking.vue"] = """
            <script setup lang="ts">
            const { data } = await useFetch('/api/berths')
            const free: string = data.value?.free
            const route = useRoute()
            const id: number = route.params.id
            navigateTo({ name: 'missing-page', params: { slug: 3 } })
            </script>
            <template><p>{{ free }} free, berth {{ id }} {{ data?.occupied }}</p></template>
            """
    write_tree(root, files)
    link_modules(root, "nuxt")
    return root


def cap_nuxt(tmp: Path) -> None:
    bad = nuxt_app(tmp / "tidebook-broken", "build")
    typ = nuxt_app(tmp / "tidebook-types", "types")
    good = nuxt_app(tmp / "tidebook", "")
    cap("nuxi-build-missing-import", "nuxi build; echo EXIT=$?", bad, n_nuxi_build, "nuxt", timeout=900)
    cap("nuxi-build-ok", "nuxi build", good, n_nuxi_build, "nuxt", timeout=900)
    cap("nuxi-build-ok-tail", "nuxi build 2>&1 | tail -n 60", good, n_nuxi_build, "nuxt", timeout=900)
    cap("nuxi-typecheck-errors", "nuxi typecheck; echo EXIT=$?", typ, n_nuxi_typecheck, "nuxt", timeout=900)
    cap("nuxi-typecheck-head", "nuxi typecheck 2>&1 | head -n 40; echo EXIT=$?", typ, n_nuxi_typecheck, "nuxt", timeout=900)


# ------------------------------------------------------------------ React Router framework mode


def rr_app(root: Path, broken: str, n: int = 30, seed: int = 1952) -> Path:
    """`broken`: 'imports' (a name a module does not export, a module that is not there), 'config' (a route whose
    file is not there, as well) or '' (builds)."""
    rnd = random.Random(seed)
    routes = ['  index("routes/home.tsx"),']
    files = {
        "package.json": json.dumps({"name": "harbour-guide", "private": True, "type": "module",
                                    "scripts": {"build": "react-router build"},
                                    "dependencies": {"@react-router/node": RR, "@react-router/serve": RR,
                                                     "react-router": RR, "react": "^19", "react-dom": "^19",
                                                     "isbot": "^5"},
                                    "devDependencies": {"@react-router/dev": RR, "vite": "*", "typescript": "*"}},
                                   indent=2),
        "react-router.config.ts": "import type { Config } from '@react-router/dev/config';\n\nexport default "
                                  "{ ssr: true } satisfies Config;\n",
        "vite.config.ts": "import { reactRouter } from '@react-router/dev/vite';\nimport { defineConfig } from "
                          "'vite';\n\nexport default defineConfig({ plugins: [reactRouter()] });\n",
        "tsconfig.json": json.dumps({"include": ["**/*", ".react-router/types/**/*"], "compilerOptions": {
            "lib": ["DOM", "ES2022"], "types": ["node", "vite/client"], "target": "ES2022", "module": "ES2022",
            "moduleResolution": "bundler", "jsx": "react-jsx", "rootDirs": [".", "./.react-router/types"],
            "strict": True, "noEmit": True, "skipLibCheck": True, "verbatimModuleSyntax": True}}, indent=2),
        "app/root.tsx": """
            import { Links, Meta, Outlet, Scripts, ScrollRestoration } from 'react-router';

            export function Layout({ children }: { children: React.ReactNode }) {
              return (
                <html lang="en">
                  <head><meta charSet="utf-8" /><Meta /><Links /></head>
                  <body>{children}<ScrollRestoration /><Scripts /></body>
                </html>
              );
            }
            export default function App() { return <Outlet />; }
            """,
        "app/routes/home.tsx": "export default function Home() { return <h1>Harbour guide</h1>; }\n",
        "app/lib/tides.ts": "export function highWater(day: number): string { return `${(day * 37) % 24}:00`; }\n",
    }
    for k in range(n):
        w = WORDS[k % len(WORDS)]
        body = "\n".join(f"      <li key=\"{j}\">{w} {j}: {rnd.randint(1, 99)} m</li>" for j in range(rnd.randint(4, 30)))
        extra_imp, extra = "", ""
        if broken and k == 6:
            extra_imp = "import { lowWater } from '../lib/tides';\n"
            extra = "  const lw = lowWater(3);\n"
        if broken and k == 13:
            extra_imp = "import { Gauge } from '../components/gauge';\n"
            extra = "  const g = Gauge;\n"
        files[f"app/routes/{w}.{k}.tsx"] = (
            f"{extra_imp}import {{ highWater }} from '../lib/tides';\n\nexport async function loader({{ params }}: "
            f"{{ params: Record<string, string | undefined> }}) {{\n  return {{ id: params.id ?? '{k}', hw: highWater({k}) }};\n}}\n\n"
            f"export default function Route{k}() {{\n{extra}  return (\n    <ul>\n{body}\n    </ul>\n  );\n}}\n")
        if k % 5 == 0:
            routes.append(f'  route("{w}/{k}", "routes/{w}.{k}.tsx", [\n    route(":id", "routes/{w}.{k}.detail.tsx"),\n  ]),')
            files[f"app/routes/{w}.{k}.detail.tsx"] = f"export default function Detail{k}() {{ return <p>{w} detail</p>; }}\n"
        else:
            routes.append(f'  route("{w}/{k}", "routes/{w}.{k}.tsx"),')
    if broken == "config":
        routes.append('  ...prefix("reports", [index("routes/reports/index.tsx"), route(":year", "routes/reports/year.tsx")]),')
        files["app/routes/reports/index.tsx"] = "export default function Reports() { return <p>reports</p>; }\n"
    files["app/routes.ts"] = ("import { type RouteConfig, index, route, prefix } from '@react-router/dev/routes';\n\n"
                              "export default [\n" + "\n".join(routes) + "\n] satisfies RouteConfig;\n")
    write_tree(root, files)
    link_modules(root, "rr")
    return root


def cap_react_router(tmp: Path) -> None:
    bad = rr_app(tmp / "harbour-guide-broken", "config")
    imp = rr_app(tmp / "harbour-guide-imports", "imports")
    good = rr_app(tmp / "harbour-guide", "")
    cap("react-router-build-errors", "react-router build; echo EXIT=$?", imp, n_rr_build, "rr")
    cap("react-router-build-missing-route-file", "react-router build 2>&1 | head -n 40; echo EXIT=$?", bad,
        n_rr_build, "rr")
    cap("react-router-build-ok", "react-router build", good, n_rr_build, "rr")
    cap("react-router-build-ok-tail", "react-router build 2>&1 | tail -n 50", good, n_rr_build, "rr")
    cap("react-router-routes", "react-router routes", good, n_rr_routes, "rr")
    cap("react-router-routes-json-broken", "react-router routes --json; echo EXIT=$?", bad, n_rr_routes, "rr")


# ------------------------------------------------------------------ Storybook


def sb_app(root: Path, seed: int = 1953) -> Path:
    rnd = random.Random(seed)
    files = {
        "package.json": json.dumps({"name": "tide-charts", "private": True, "type": "module"}, indent=2),
        ".storybook/main.ts": "import type { StorybookConfig } from '@storybook/react-vite';\n\nconst config: "
                              "StorybookConfig = {\n  stories: ['../src/**/*.stories.@(ts|tsx)', '../src/**/*.mdx'],\n"
                              "  framework: { name: '@storybook/react-vite', options: {} },\n  core: { disableTelemetry: "
                              "true },\n};\nexport default config;\n",
        "tsconfig.json": json.dumps({"compilerOptions": {"jsx": "react-jsx", "module": "ESNext",
                                                         "moduleResolution": "bundler", "strict": True,
                                                         "skipLibCheck": True, "target": "ES2022"}}, indent=2),
    }
    for k in range(24):
        w = WORDS[k % len(WORDS)].capitalize()
        name = f"{w}Gauge{k}"
        files[f"src/{name}.tsx"] = (f"export interface {name}Props {{ level: number; label?: string }}\n\n"
                                    f"export function {name}({{ level, label = '{w}' }}: {name}Props) {{\n"
                                    f"  return <div className=\"gauge\">{{label}}: {{level.toFixed(1)}} m</div>;\n}}\n")
        stories = "\n".join(f"export const Level{j}: Story = {{ args: {{ level: {rnd.uniform(0, 9):.2f} }} }};"
                            for j in range(rnd.randint(2, 6)))
        imp = f"import {{ {name} }} from './{name}';"
        if k in (5, 14, 19):
            imp = f"import {{ {name} }} from './{name}Missing';"
        if k == 11:
            imp = f"import {{ {name}, TideLegend }} from './{name}';\nconst legend = TideLegend;"
        files[f"src/{name}.stories.tsx"] = (f"import type {{ Meta, StoryObj }} from '@storybook/react-vite';\n{imp}\n\n"
                                            f"const meta = {{ title: 'Gauges/{name}', component: {name} }} satisfies "
                                            f"Meta<typeof {name}>;\nexport default meta;\ntype Story = StoryObj<typeof "
                                            f"meta>;\n\n{stories}\n")
    files["src/Intro.mdx"] = "import { Meta } from '@storybook/addon-docs/blocks';\n\n<Meta title=\"Intro\" />\n\n# Tide charts\n"
    write_tree(root, files)
    link_modules(root, "sb")
    return root


def cap_storybook(tmp: Path) -> None:
    app = sb_app(tmp / "tide-charts")
    cap("storybook-build-broken-stories", "storybook build --quiet; echo EXIT=$?", app, n_storybook_build, "sb",
        timeout=900)
    cap("storybook-build-tail", "storybook build 2>&1 | tail -n 80", app, n_storybook_build, "sb", timeout=900)
    # the story that imports a missing module fixed; the mdx page needing an addon not installed stays
    for f in app.glob("src/*.stories.tsx"):
        f.write_text(re.sub(r"(\w+Gauge\d+)Missing", r"\1", f.read_text()))
    cap("storybook-build-second-run", "storybook build -o storybook-static 2>&1 | grep -vE '^\\s*$'; echo EXIT=$?",
        app, n_storybook_build, "sb", timeout=900)


# ------------------------------------------------------------------ Rush


def rush_repo(root: Path, rush_version: str, n_libs: int = 9) -> Path:
    projects, files = [], {}
    ts_versions = ["~5.6.3"] * n_libs
    ts_versions[3] = "~5.4.5"
    for k in range(n_libs):
        name = f"@dock/{WORDS[k % len(WORDS)]}-lib"
        deps = {f"@dock/{WORDS[(k - 1) % len(WORDS)]}-lib": "workspace:*"} if k else {}
        files[f"libs/{WORDS[k]}-lib/package.json"] = json.dumps({
            "name": name, "version": f"1.{k}.0", "main": "lib/index.js", "types": "lib/index.d.ts",
            "scripts": {"build": "tsc -p .", "_phase:build": "tsc -p ."}, "dependencies": deps,
            "devDependencies": {"typescript": ts_versions[k]}}, indent=2)
        files[f"libs/{WORDS[k]}-lib/tsconfig.json"] = json.dumps({"compilerOptions": {
            "outDir": "lib", "declaration": True, "strict": True, "module": "commonjs", "target": "ES2020",
            "skipLibCheck": True}, "include": ["src"]}, indent=2)
        body = f"export function {WORDS[k]}Count(n: number): number {{ return n * {k + 1}; }}\n"
        if k == 4:
            body += "export const capacity: number = 'forty';\nexport function pad(s: string) { return s.padStart(4, 0); }\n"
        if k == 6:
            body += "import { missing } from './nowhere';\nexport const m = missing;\n"
        files[f"libs/{WORDS[k]}-lib/src/index.ts"] = body
        projects.append({"packageName": name, "projectFolder": f"libs/{WORDS[k]}-lib"})
    files["apps/harbour-api/package.json"] = json.dumps({
        "name": "@dock/harbour-api", "version": "0.9.0", "scripts": {"build": "tsc -p ."},
        "dependencies": {"@dock/buoy-lib": "workspace:*", "@dock/crane-lib": "workspace:*"},
        "devDependencies": {"typescript": "~5.6.3"}}, indent=2)
    files["apps/harbour-api/tsconfig.json"] = files["libs/berth-lib/tsconfig.json"]
    files["apps/harbour-api/src/index.ts"] = "export const api = 1;\n"
    projects.append({"packageName": "@dock/harbour-api", "projectFolder": "apps/harbour-api"})
    files["rush.json"] = json.dumps({"rushVersion": rush_version, "pnpmVersion": "9.15.9",
                                     "nodeSupportedVersionRange": ">=18.0.0", "ensureConsistentVersions": True,
                                     "projectFolderMinDepth": 2, "projectFolderMaxDepth": 2, "projects": projects},
                                    indent=2)
    write_tree(root, files)
    run("git init -q && git add -A && git -c user.email=r@example.invalid -c user.name=r commit -qm init", cwd=root)
    return root


def cap_rush(tmp: Path) -> None:
    ver = json.loads((TOOLS / "rush/node_modules/@microsoft/rush/package.json").read_text())["version"]
    repo = rush_repo(tmp / "dock-monorepo", ver)
    env = {"RUSH_GLOBAL_FOLDER": str(TOOLS / "rush-global"), "RUSH_TEMP_FOLDER": None}
    cap("rush-check-mismatch", "rush check; echo EXIT=$?", repo, n_rush_check, "rush", env=env)
    cap("rush-list-verbose", "rush list -p -v", repo, n_rush_list, "rush", env=env)
    cap("rush-install-inconsistent", "rush install; echo EXIT=$?", repo, n_rush_install, "rush", env=env, timeout=900)
    pj = repo / "libs/mooring-lib/package.json"
    pj.write_text(pj.read_text().replace("~5.4.5", "~5.6.3"))
    cap("rush-update", "rush update 2>&1 | tail -n 60; echo EXIT=$?", repo, n_rush_install, "rush", env=env, timeout=900)
    # the workspace: protocol needs pnpm workspaces turned on
    write_tree(repo, {"common/config/rush/pnpm-config.json": '{\n  "useWorkspaces": true\n}\n'})
    cap("rush-update-workspaces", "rush update; echo EXIT=$?", repo, n_rush_install, "rush", env=env, timeout=900)
    api = repo / "apps/harbour-api/package.json"  # the app named a library the monorepo does not have
    api.write_text(api.read_text().replace("@dock/crane-lib", "@dock/jetty-lib"))
    cap("rush-update-ok-tail", "rush update 2>&1 | tail -n 40; echo EXIT=$?", repo, n_rush_install, "rush", env=env,
        timeout=900)
    cap("rush-build-failing-project", "rush build; echo EXIT=$?", repo, n_rush_build, "rush", env=env, timeout=900)
    cap("rush-rebuild-verbose-tail", "rush rebuild --verbose 2>&1 | tail -n 120", repo, n_rush_build, "rush", env=env,
        timeout=900)
    cap("rush-list-json", "rush list --json | head -n 100", repo, n_rush_list, "rush", env=env)


# ------------------------------------------------------------------ Capacitor, Stencil, electron-builder


def cap_capacitor(tmp: Path) -> None:
    app = tmp / "moorings-mobile"
    write_tree(app, {
        "package.json": json.dumps({"name": "moorings-mobile", "version": "0.4.0", "private": True}, indent=2),
        "capacitor.config.json": json.dumps({"appId": "org.example.moorings", "appName": "Moorings",
                                             "webDir": "dist/moorings/browser",
                                             "plugins": {"SplashScreen": {"launchShowDuration": 0}}}, indent=2),
    })
    link_modules(app, "misc")
    cap("cap-doctor", "npx cap doctor; npx cap doctor android; npx cap --version; echo EXIT=$?", app, n_cap_doctor, "misc", timeout=300)
    cap("cap-sync-no-web-assets", "npx cap sync; echo EXIT=$?; npx cap copy web; npx cap add ios; npx cap ls; "
        "echo EXIT=$?", app, n_cap_sync, "misc", timeout=300)


def stencil_lib(root: Path, seed: int = 1954) -> Path:
    rnd = random.Random(seed)
    files = {
        "package.json": json.dumps({"name": "buoy-widgets", "version": "0.2.0", "private": True}, indent=2),
        "stencil.config.ts": "import { Config } from '@stencil/core';\n\nexport const config: Config = {\n  namespace: "
                             "'buoywidgets',\n  outputTargets: [{ type: 'dist' }, { type: 'www', serviceWorker: null }],\n};\n",
        "tsconfig.json": json.dumps({"compilerOptions": {"allowSyntheticDefaultImports": True, "experimentalDecorators":
                                                         True, "lib": ["dom", "es2017"], "moduleResolution": "node",
                                                         "module": "esnext", "target": "es2017", "jsx": "react",
                                                         "jsxFactory": "h", "strict": True},
                                     "include": ["src"]}, indent=2),
        "src/index.html": "<!DOCTYPE html><html><body><buoy-gauge-0 level=\"3\"></buoy-gauge-0></body></html>\n",
    }
    for k in range(40):
        tag = f"buoy-gauge-{k}"
        cls = f"BuoyGauge{k}"
        props = "\n".join(f"  @Prop() {w}{k}: number = {rnd.randint(0, 9)};" for w in WORDS[:rnd.randint(2, 4)])
        extra = ""
        if k % 9 == 3:
            extra = "  @State() level: number = 'high';\n"
        if k % 9 == 7:
            extra = "  render2() { return <div>{this.missingProp}</div>; }\n"
        if k % 13 == 10:
            props += "\n  @Prop() class: string;"
        if k % 11 == 1:
            extra = "  @Prop() onTide: () => void;\n"
        if k % 17 == 5:
            extra = "  @Prop() title: string = 'buoy';\n"
        files[f"src/components/{tag}/{tag}.tsx"] = (
            "import { Component, Prop, State, h } from '@stencil/core';\n\n"
            f"@Component({{ tag: '{tag}', shadow: true }})\nexport class {cls} {{\n{props}\n{extra}"
            f"  render() {{\n    return <div class=\"gauge\">{tag}</div>;\n  }}\n}}\n")
    write_tree(root, files)
    link_modules(root, "misc")
    return root


def cap_stencil(tmp: Path) -> None:
    lib = stencil_lib(tmp / "buoy-widgets")
    cap("stencil-build-errors", "stencil build; echo EXIT=$?", lib, n_stencil_build, "misc", timeout=600)
    cap("stencil-build-dev-tail", "stencil build --dev 2>&1 | tail -n 60", lib, n_stencil_build, "misc", timeout=600)


def cap_electron_builder(tmp: Path) -> None:
    app = tmp / "moorings-desktop"
    write_tree(app, {
        "package.json": json.dumps({
            "name": "moorings-desktop", "version": "0.4.0", "main": "main.js", "description": "berth desk",
            "author": "Harbour Office", "build": {
                "appId": "org.example.moorings", "productName": "Moorings", "directories": {"output": "release"},
                "files": ["main.js", "dist/**"], "linux": {"target": ["AppImage", "deb"], "category": "Office",
                                                           "iconSet": "build/icons"},
                "win": {"target": "nsis", "publisherName": "Harbour"}, "dmg": {"window": {"w": 540}},
                "asarUnpackk": ["*.node"], "nsis": {"oneClick": "yes"}}}, indent=2),
        "main.js": "const { app } = require('electron');\napp.whenReady().then(() => console.log('ready'));\n",
    })
    link_modules(app, "misc")
    cap("electron-builder-invalid-config", "electron-builder --linux --dir; echo EXIT=$?", app, n_electron_builder,
        "misc", timeout=300)
    pj = json.loads((app / "package.json").read_text())
    pj["build"] = {"appId": "org.example.moorings", "productName": "Moorings", "directories": {"output": "release"},
                   "files": ["main.js"], "linux": {"target": ["dir"]}}
    (app / "package.json").write_text(json.dumps(pj, indent=2))
    cap("electron-builder-no-electron", "electron-builder --linux --dir 2>&1 | tail -n 40; echo EXIT=$?", app,
        n_electron_builder, "misc", timeout=300)


STEPS = [cap_nuxt, cap_react_router, cap_storybook, cap_rush, cap_capacitor, cap_stencil, cap_electron_builder]
