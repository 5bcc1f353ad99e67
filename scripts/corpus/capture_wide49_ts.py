"""Round 49, TypeScript and runtime side: `spokewise`'s TypeScript half (widened by a seeded generator: `any`-typed
code, type errors put in, an import chain), through tsc --explainFiles and type-coverage (--detail, --at-least
failing), and its compiled fleet-rebalancing CLI crashing under node --enable-source-maps. Every extractor is round
44's, imported (NEEDLES.md "Round 49": no new rules). Run through capture_wide49.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide44_ts import N_SOURCEMAPPED, N_TSC_EXPLAIN, N_TYPE_COV
from capture_wide49 import JS, cap

TSCONFIG = {"compilerOptions": {"target": "ES2020", "module": "commonjs", "outDir": "dist", "rootDir": "src",
                                "sourceMap": True, "strict": False, "noImplicitAny": False, "types": [],
                                "esModuleInterop": True},
            "include": ["src"]}

PARTS = ["rack", "dock", "fleet", "ride", "tariff", "repair", "battery", "route"]


def gen_ts(rng: random.Random, n: int, bug_rate: float) -> dict:
    files = {}
    names = [f"{rng.choice(PARTS)}{k:02d}" for k in range(n)]
    for k, name in enumerate(names):
        deps = sorted({names[j] for j in rng.sample(range(k + 1, n), min(rng.randint(0, 2), n - k - 1))}) \
            if k < n - 1 else []
        body = [f"// {name}: part of the fleet planner"]
        body += [f"import {{ load{d[-2:]} }} from './{d}';" for d in deps]
        body += ["", f"export interface Bike{k} {{ id: string; model: string; charge: number; meta?: any }}", ""]
        body.append(f"export function load{k:02d}(bike: Bike{k}, weight): number {{")
        body.append(f"  let load{'' if rng.random() < 0.5 else ': any'} = bike.charge * weight;")
        for d in deps:
            body.append(f"  load += load{d[-2:]}(bike as any, 0.5);")
        r = rng.random()
        if r < bug_rate / 2:
            body.append("  const model: number = bike.model;")
        elif r < bug_rate:
            body.append("  bike.charge = `${load}%`;")
        elif r < bug_rate * 1.5:
            body.append(f"  return bike.meta.range{k} ?? load.toFixed();")
        body.append("  return load;")
        body.append("}")
        body.append("")
        body.append(f"export function read{k:02d}(raw: string) {{")
        body.append("  const row = JSON.parse(raw);")
        body.append(f"  const extra = (row as any).meta;")
        body.append(f"  return {{ id: row.id, model: row.model, charge: Number(row.charge), meta: extra }} as Bike{k};")
        body.append("}")
        files[f"src/{name}.ts"] = "\n".join(body) + "\n"
    files["src/rebalance.ts"] = (
        "import { load00, read00 } from './" + names[0] + "';\n\n"
        "interface Dock { name: string; racks: number; bikes: string[]; feeder?: { name: string; distanceKm: number } }\n\n"
        "function nearestFeeder(dock: Dock): string {\n"
        "  // bug: the ferry dock has no feeder dock configured yet\n"
        "  return dock.feeder!.name.toUpperCase();\n}\n\n"
        "export function rebalance(docks: Dock[]): void {\n  for (const d of docks) {\n"
        "    const surplus = d.bikes.length - Math.floor(d.racks * 0.6);\n"
        "    const w = load00(read00(JSON.stringify({ id: d.name, model: 'city', charge: 80 })), 1.2);\n"
        "    if (surplus > 0) console.log(`dock ${d.name}: move ${surplus} bikes to ${nearestFeeder(d)} (load ${w})`);\n"
        "    else console.log(`dock ${d.name}: ok (${d.bikes.length}/${d.racks})`);\n  }\n}\n")
    files["src/cli.ts"] = (
        "import { rebalance } from './rebalance';\n\n"
        "const base = ['harbour', 'station', 'campus', 'market', 'riverside', 'uptown', 'stadium', 'museum'];\n"
        f"const names = Array.from({{ length: {8 + n // 2} }}, (_, i) => base[i % 8] + (i < 8 ? '' : '-' + i));\n"
        "names.push('ferry');  // the newest dock, last in the list\n"
        "const docks = names.map((name, i) => ({ name, racks: name === 'ferry' ? 24 : 10 + (i * 3) % 14,\n"
        "  bikes: Array.from({ length: name === 'ferry' ? 31 : 8 + (i * 5) % 11 }, (_, j) => `${name}-${j}`),\n"
        "  feeder: name === 'ferry' ? undefined : { name: names[(i + 1) % names.length], distanceKm: 1 + i / 2 } }));\n"
        "rebalance(docks);\n")
    return files


def ts_project(tmp: Path, tag: str, seed: int, n: int, bug_rate: float) -> Path:
    root = tmp / f"spokewise-ts-{tag}"
    files = gen_ts(random.Random(seed), n, bug_rate)
    files["tsconfig.json"] = json.dumps(TSCONFIG, indent=2)
    files["package.json"] = json.dumps({"name": "spokewise-ts", "version": "0.9.2", "private": True}, indent=2)
    write_tree(root, files)
    (root / "node_modules").symlink_to(JS / "node_modules")
    return root


def typescript(tmp: Path) -> None:
    a = ts_project(tmp, "a", 4921, 8, 0.3)
    b = ts_project(tmp, "b", 4922, 30, 0.15)
    c = ts_project(tmp, "c", 4923, 90, 0.08)
    cap("tsc-explain-files-small", "npx tsc -p . --noEmit --explainFiles", a, N_TSC_EXPLAIN)
    cap("tsc-explain-files-exit", "npx tsc --noEmit --explainFiles; echo EXIT=$?", b, N_TSC_EXPLAIN)
    cap("tsc-explain-files-head", "npx tsc --noEmit --explainFiles 2>&1 | head -n 80", c, N_TSC_EXPLAIN)
    cap("type-coverage-detail", "npx type-coverage --detail", a, N_TYPE_COV)
    cap("type-coverage-at-least", "npx type-coverage -p tsconfig.json --at-least 97; echo EXIT=$?", b, N_TYPE_COV)
    cap("type-coverage-detail-head", "npx type-coverage --detail --strict 2>&1 | head -n 80", c, N_TYPE_COV)
    cap("type-coverage-at-least-tail", "npx type-coverage --at-least 99 2>&1 | tail -n 40", c, N_TYPE_COV)
    for p in (a, b, c):
        run("npx tsc -p . >/dev/null 2>&1; ls dist/cli.js", cwd=p)  # emits despite the type errors
    cap("node-source-mapped-crash", "node --enable-source-maps dist/cli.js", a, N_SOURCEMAPPED)
    cap("node-source-mapped-crash-exit", "node --enable-source-maps dist/cli.js; echo EXIT=$?", b, N_SOURCEMAPPED)
    cap("node-source-mapped-crash-tail", "node --enable-source-maps dist/cli.js 2>&1 | tail -n 40", c,
        N_SOURCEMAPPED)


STEPS = [typescript]
