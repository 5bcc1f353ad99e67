"""Round 44, TypeScript and runtime side: `crumbline`'s TypeScript half (widened by a seeded generator: `any`-typed
code, a circular import, modules nobody imports, type errors put in) through tsc --explainFiles /
--listEmittedFiles, type-coverage and madge --orphans / --summary / --warning; its compiled CLI crashing under
node --enable-source-maps; batch scripts ending in unhandled rejections; half-edited modules through node --check.
The extractors are NEEDLES.md "Round 44"'s rules; kinds printing an earlier kind's lines reuse its extractor. Run
through capture_wide44.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from capture_more import groups, named, next_match, write_tree
from capture_wide import n_node_uncaught
from capture_wide44 import JS, cap
from capture_wide44_js import ext

# ------------------------------------------------------------------ extractors (NEEDLES.md "Round 44")

TS_ERR = r"^\S+\(\d+,\d+\): error TS\d+|^\S+:\d+:\d+ - error TS\d+|^error TS\d+"


def _tsc_common(lines):
    out = []
    for i, ln in enumerate(lines):
        if re.match(TS_ERR, ln):
            out.append(ln)
        elif re.match(r"^Found \d+ errors?\b", ln.strip()):
            out.append(ln)
    return out


def _explain(lines):
    out = _tsc_common(lines)
    for i, ln in enumerate(lines):
        if not ln or ln[0].isspace() or re.match(TS_ERR, ln) or re.match(r"^Found \d+ error", ln):
            continue
        if "node_modules" in ln or re.search(r"(^|/)lib\.[\w.]*\.d\.ts$", ln) or not re.search(r"\.(ts|tsx|js)$", ln):
            continue
        out.append(ln)
        if i + 1 < len(lines) and lines[i + 1][:1].isspace():
            out.append(lines[i + 1])
    return out


N_TSC_EXPLAIN = ext("tsc-explain-files", "build", "Round 44 (tsc --explainFiles): every error TS line, every project "
                    "file line with its first reason line, the Found N errors line", _explain)


def _emitted(lines):
    return _tsc_common(lines) + [ln for ln in lines if ln.startswith("TSFILE: ")]


N_TSC_EMITTED = ext("tsc-list-emitted-files", "build", "Round 44 (tsc --listEmittedFiles): every TSFILE line, every "
                    "error TS line, the Found N errors line", _emitted)


def _type_cov(lines):
    out, det = [], []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^\(?\d+ / \d+\)? +[\d.]+%$", s) or s.startswith("The type coverage rate") or \
                s.startswith("type-coverage success"):
            out.append(ln)
        m = re.match(r"^(.+?):\d+:\d+: ", s)
        if m:
            det.append((m.group(1), ln))
    return out + groups(det)


N_TYPE_COV = ext("type-coverage", "lint", "Round 44 (type-coverage): the N / M P% line, the verdict line, the detail "
                 "lines one any per file", _type_cov)


def _madge(lines):
    out = [ln for ln in lines if re.match(r"^\s*(✔ |✖ )?Processed \d+ files?", ln.strip())]
    out += [ln for ln in lines if re.search(r"\bSkipped \d+ files?\b|^\s*✖ Skipped", ln)]
    summary = False
    rows = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.search(r"\bSkipped \d+ files?\b", s):
            k = i + 1
            while k < len(lines) and lines[k].strip() and not re.search(r"Processed|Skipped", lines[k]):
                out.append(lines[k])
                k += 1
        m = re.match(r"^(\d+)\s+(\S+\.\w+)$", s)
        if m:
            summary = True
            rows.append((int(m.group(1)), ln))
    if summary and rows:
        hi = max(v for v, _ in rows)
        lo = min(v for v, _ in rows)
        out += [next(ln for v, ln in rows if v == hi), next(ln for v, ln in rows if v == lo)]
    return out


def _madge_orphans(lines):
    out = _madge(lines)
    out += [ln for ln in lines if re.match(r"^\S+\.(ts|js|mjs|cjs|tsx)$", ln.strip())]
    return out


N_MADGE_ORPHANS = ext("madge-orphans", "listing", "Round 44 (madge): every orphan module line, every Skipped/warning "
                      "module line, the Processed N files line", _madge_orphans)
N_MADGE_SUMMARY = ext("madge-summary", "listing", "Round 44 (madge): rule 4 on the summary (the most and fewest "
                      "dependencies), every Skipped/warning module line, the Processed N files line", _madge)


def _check(lines):
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^/\S+\.m?js:\d+$", ln) or ln.startswith("SyntaxError:"):
            out.append(ln)
    return out


N_NODE_CHECK = ext("node-check-syntax", "build", "Round 44 (node --check): every file:line location line and the "
                   "SyntaxError line", _check)


def _rejection(lines):
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^([A-Z]\w*)?Error\b.*:", s) and not s.startswith("Error: Cannot find module 'x'") or \
                re.match(r"^\[?UnhandledPromiseRejection\b", s):
            out.append(ln)
            at = next_match(lines, i, r"^\s+at ", 4)
            if at:
                out.append(at)
        elif re.match(r"^Node\.js v\d", s):
            out.append(ln)
    return out


N_REJECTION = ext("node-unhandled-rejection", "log", "Round 44 (unhandled rejection): the error or "
                  "[UnhandledPromiseRejection] line, its first at line, the Node.js line", _rejection)
N_SOURCEMAPPED = named("node-uncaught-source-mapped", "log", (n_node_uncaught.__doc__ or "").strip().splitlines()[0],
                       n_node_uncaught)

# ------------------------------------------------------------------ the project

TSCONFIG = {"compilerOptions": {"target": "ES2020", "module": "commonjs", "outDir": "dist", "rootDir": "src",
                                "sourceMap": True, "strict": False, "noImplicitAny": False, "types": [],
                                "esModuleInterop": True},
            "include": ["src"]}

KINDS = ["sourdough", "croissant", "baguette", "brioche", "rye", "focaccia", "bagel", "danish", "scone", "eclair"]


def gen_ts(rng: random.Random, n: int) -> dict:
    files = {}
    names = [f"{rng.choice(['route', 'shift', 'tray', 'oven', 'proof', 'pack'])}{k:02d}" for k in range(n)]
    for k, name in enumerate(names):
        deps = sorted({names[j] for j in rng.sample(range(k + 1, n), min(rng.randint(0, 3), n - k - 1))}) if k < n - 1 else []
        body = [f"// {name}: part of the order router's TypeScript half"]
        body += [f"import {{ weigh{d[-2:]} }} from './{d}';" for d in deps]
        body.append("")
        body.append(f"export interface Tray{k} {{ id: string; kind: string; qty: number; notes?: any }}")
        body.append(f"export function weigh{k:02d}(tray: Tray{k}, factor): number {{")
        body.append("  let grams: any = tray.qty * factor;")
        for d in deps:
            body.append(f"  grams += weigh{d[-2:]}(tray as any, 1);")
        r = rng.random()
        if r < 0.12:
            body.append("  const label: number = tray.kind;")
        elif r < 0.2:
            body.append("  tray.qty = String(grams);")
        body.append("  return grams;")
        body.append("}")
        body.append("")
        body.append(f"export function parse{k:02d}(raw) {{")
        body.append("  const data = JSON.parse(raw);")
        body.append(f"  return {{ id: data.id, kind: data.kind, qty: data.qty }} as Tray{k};")
        body.append("}")
        files[f"src/{name}.ts"] = "\n".join(body) + "\n"
    # a circular pair and the CLI entry
    files["src/schedule.ts"] = ("import { ovenSlots } from './ovens';\nexport function schedule(kind: string): number {\n"
                                "  return ovenSlots(kind).length;\n}\nexport const DEFAULT_KIND = 'rye';\n")
    files["src/ovens.ts"] = ("import { DEFAULT_KIND } from './schedule';\nexport function ovenSlots(kind?: string): "
                             "string[] {\n  const k = kind || DEFAULT_KIND;\n  return [k + '-a', k + '-b'];\n}\n")
    files["src/cli.ts"] = (
        "import { schedule } from './schedule';\nimport { weigh00, parse00 } from './" + names[0] + "';\n\n"
        "interface Order { id: string; kind: string; qty: number; tray?: { shelf: number } }\n\n"
        "function shelfOf(order: Order): number {\n  // bug: trays are optional and not every order has one yet\n"
        "  return order.tray!.shelf * 2;\n}\n\n"
        "function plan(orders: Order[]): void {\n  for (const o of orders) {\n"
        "    const grams = weigh00(parse00(JSON.stringify(o)), 1.5);\n"
        "    console.log(`order ${o.id} ${o.kind} x${o.qty}: ${grams} g, slot ${schedule(o.kind)}, shelf ${shelfOf(o)}`);\n"
        "  }\n}\n\n"
        "const orders: Order[] = [];\n"
        "for (let i = 0; i < 60; i++) orders.push({ id: 'ord-' + (1000 + i), kind: ['rye', 'bagel', 'scone'][i % 3], "
        "qty: 1 + (i * 7) % 13, tray: i === 47 ? undefined : { shelf: 1 + i % 6 } });\n"
        "plan(orders);\n")
    return files


REJECT_ERR = """'use strict';
// nightly batch: reprice every standing order, then push the new prices to the shop
const orders = Array.from({ length: 70 }, (_, i) => ({ id: 'so-' + (500 + i), kind: ['rye', 'bagel', 'eclair'][i % 3],
  qty: 1 + (i * 5) % 17 }));

async function fetchPrice(kind) {
  await new Promise(r => setTimeout(r, 1));
  const table = { rye: 5.2, bagel: 1.8 };
  if (!(kind in table)) throw new RangeError(`no price for kind "${kind}" in the 2024 table`);
  return table[kind];
}

async function reprice(order) {
  const unit = await fetchPrice(order.kind);
  console.log(`repriced ${order.id} ${order.kind} x${order.qty} -> ${(unit * order.qty).toFixed(2)}`);
}

async function main() {
  for (const o of orders.slice(0, 40)) {
    if (o.kind !== 'eclair') await reprice(o);
  }
  console.log('first pass done; pushing the rest in parallel');
  orders.slice(40).forEach(o => reprice(o));  // bug: the promises are dropped
}

main();
"""

REJECT_STR = """'use strict';
// oven warm-up: poll each oven's controller until it reports ready
const ovens = ['deck-1', 'deck-2', 'deck-3', 'rack-1', 'rack-2', 'convection-1'];

function poll(oven, tries) {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      if (oven === 'rack-2' && tries > 3) reject('controller ' + oven + ' offline after ' + tries + ' tries');
      else resolve(tries > 2);
    }, 1);
  });
}

async function warm(oven) {
  for (let t = 1; t <= 6; t++) {
    const ready = await poll(oven, t);
    console.log(`${new Date(Date.UTC(2024, 2, 9, 4, 30, t)).toISOString()} ${oven} try ${t}: ${ready ? 'ready' : 'warming'}`);
    if (ready && oven !== 'rack-2') return;
  }
}

(async () => {
  for (const o of ovens) await warm(o);
  console.log('all ovens ready');
})();
"""


def gen_broken_js(rng: random.Random, k: int) -> str:
    lines = ["'use strict';", f"// label printer, template {k}", ""]
    for j in range(rng.randint(4, 8)):
        lines.append(f"function label{k}_{j}(order) {{")
        lines.append(f"  const head = `${{order.id}} ${{order.kind}}`;")
        lines.append("  return head + ' x' + order.qty;")
        lines.append("}")
    bug = k % 4
    if bug == 0:
        lines.append("function broken(order {\n  return order.id;\n}")
    elif bug == 1:
        lines.append("const shelf = { top: 1, middle: 2, bottom: 3 ;")
    elif bug == 2:
        lines.append("const tag = `unterminated ${order.id;")
    lines.append("module.exports = {};")
    return "\n".join(lines) + "\n"


def typescript(tmp: Path) -> None:
    rng = random.Random(4410)
    a = tmp / "crumbline-ts"
    files = gen_ts(rng, 36)
    files["tsconfig.json"] = json.dumps(TSCONFIG, indent=2)
    files["package.json"] = json.dumps({"name": "crumbline-ts", "version": "1.4.0", "private": True}, indent=2)
    write_tree(a, files)
    (a / "node_modules").symlink_to(JS / "node_modules")
    b = tmp / "crumbline-ts-big"
    files = gen_ts(random.Random(4411), 110)
    files["tsconfig.json"] = json.dumps(TSCONFIG, indent=2)
    files["package.json"] = json.dumps({"name": "crumbline-ts", "version": "1.5.0", "private": True}, indent=2)
    files["src/legacy.ts"] = "import { oldRouter } from './routers/old';\nimport * as fmt from 'dateformat';\n" \
                             "export const legacy = oldRouter || fmt;\n"
    write_tree(b, files)
    (b / "node_modules").symlink_to(JS / "node_modules")
    cap("tsc-explain-files", "npx tsc -p . --noEmit --explainFiles", a, N_TSC_EXPLAIN)
    cap("tsc-explain-files-head", "npx tsc --noEmit --explainFiles 2>&1 | head -n 400", b, N_TSC_EXPLAIN)
    cap("tsc-list-emitted-files", "npx tsc -p . --listEmittedFiles; echo EXIT=$?", a, N_TSC_EMITTED)
    cap("tsc-list-emitted-files-big", "npx tsc --listEmittedFiles 2>&1 | tail -n 150", b, N_TSC_EMITTED)
    cap("type-coverage-detail", "npx type-coverage -p tsconfig.json --detail --at-least 95", a, N_TYPE_COV)
    cap("type-coverage-strict-tail", "npx type-coverage --detail --strict 2>&1 | tail -n 120; echo EXIT=$?", b,
        N_TYPE_COV)
    cap("madge-orphans", "npx madge --orphans --extensions ts src/", b, N_MADGE_ORPHANS)
    cap("madge-summary", "npx madge --summary --extensions ts --ts-config tsconfig.json src/", b, N_MADGE_SUMMARY)
    cap("madge-summary-warning", "npx madge --summary --warning --extensions ts src/ 2>&1 | head -n 60", b,
        N_MADGE_SUMMARY)
    cap("node-source-mapped-crash", "node --enable-source-maps dist/cli.js", a, N_SOURCEMAPPED)
    cap("node-source-mapped-crash-tail", "npx tsc -p . >/dev/null; node --enable-source-maps dist/cli.js 2>&1 | "
        "tail -n 30", b, N_SOURCEMAPPED)


def runtime(tmp: Path) -> None:
    d = tmp / "crumbline-scripts"
    files = {"scripts/reprice.js": REJECT_ERR, "scripts/warmup.js": REJECT_STR}
    rng = random.Random(4420)
    for k in range(12):
        files[f"labels/template{k:02d}.js"] = gen_broken_js(rng, k)
    write_tree(d, files)
    cap("node-unhandled-rejection-error", "node scripts/reprice.js", d, N_REJECTION)
    cap("node-unhandled-rejection-string", "node scripts/warmup.js; echo EXIT=$?", d, N_REJECTION)
    cap("node-check-labels", 'for f in labels/*.js; do node --check "$f"; done', d, N_NODE_CHECK)
    cap("node-check-labels-head", 'for f in labels/*.js; do node --check "$f" 2>&1 | head -n 5; done', d,
        N_NODE_CHECK)


STEPS = [typescript, runtime]
