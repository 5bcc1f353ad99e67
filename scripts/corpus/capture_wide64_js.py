"""Round 64, the JavaScript tools: bun test on the apiary portal's TypeScript pricing and scheduling modules (bugs
put in); jscpd on its order pages (copied handlers, as they grow) and on packages its install brought in; yarn list
and license-checker --csv on the portal's own dependencies, installed here from the npm registry, and
license-checker on this round's tool directory. Each kind's extractor is round 24's, imported. Run through
capture_wide64.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide24_js import N_BUN_TEST, N_JSCPD, N_LICENSE_CHECKER, N_YARN_LIST
from capture_wide64 import JS, cap

PRICING_TS = """export type Jar = { kind: "heather" | "clover" | "borage"; grams: number; comb?: boolean };

const PER_KG: Record<Jar["kind"], number> = { heather: 28, clover: 16, borage: 19 };

export function jarPrice(j: Jar): number {
  const base = (PER_KG[j.kind] * j.grams) / 1000;
  // bug: comb honey is a 25% surcharge, this adds 25 pence
  return Math.round((base + (j.comb ? 0.25 : 0)) * 100) / 100;
}

export function basket(jars: Jar[], memberDiscount = 0): number {
  const sum = jars.reduce((a, j) => a + jarPrice(j), 0);
  // bug: the discount is a percentage, applied as a fraction of one
  return Math.round(sum * (1 - memberDiscount) * 100) / 100;
}

export function shipping(grams: number): number {
  if (grams <= 0) throw new RangeError("empty parcel");
  if (grams < 1000) return 3.2;
  if (grams < 5000) return 5.9;
  return 9.5 + Math.floor((grams - 5000) / 1000) * 0.8;
}

export function weekOf(day: number): number {
  // bug: weeks start at 1, day 0 is week 1
  return Math.floor(day / 7);
}

export function nextInspection(lastDay: number, swarmSeason: boolean): number {
  return lastDay + (swarmSeason ? 9 : 14);
}

export function varroaAction(mitesPer100: number): "none" | "monitor" | "treat" {
  if (mitesPer100 < 1) return "none";
  if (mitesPer100 < 3) return "monitor";
  return "treat";
}
"""


def bun_cases(seed: int) -> str:
    rnd = random.Random(seed)
    out = []
    for i in range(24):
        g = rnd.choice([227, 340, 454, 680, 907])
        k = rnd.choice(["heather", "clover", "borage"])
        per = {"heather": 28, "clover": 16, "borage": 19}[k]
        want = round(per * g / 1000 * (1.25 if i % 5 == 0 else 1), 2)
        comb = "true" if i % 5 == 0 else "false"
        out.append(f'  test("jarPrice {k} {g}g{" comb" if i % 5 == 0 else ""}", () => {{\n'
                   f'    expect(jarPrice({{ kind: "{k}", grams: {g}, comb: {comb} }})).toBeCloseTo({want}, 2);\n  }});')
    return "\n".join(out)


PRICING_TEST = """import { describe, expect, test } from "bun:test";
import { basket, jarPrice, nextInspection, shipping, varroaAction, weekOf } from "../src/pricing";

describe("jarPrice", () => {
%s
});

describe("basket", () => {
  test("member discount of 10 percent", () => {
    expect(basket([{ kind: "clover", grams: 1000 }], 10)).toBe(14.4);
  });
  test("no discount", () => {
    expect(basket([{ kind: "borage", grams: 1000 }, { kind: "clover", grams: 500 }])).toBe(27);
  });
});

describe("shipping", () => {
  test.each([[500, 3.2], [1000, 5.9], [4999, 5.9], [5000, 9.5], [7200, 11.1]])("%%p g costs %%p", (g, want) => {
    expect(shipping(g)).toBeCloseTo(want, 2);
  });
  test("empty parcel throws", () => {
    expect(() => shipping(0)).toThrow("empty parcel");
  });
  test("negative parcel throws a TypeError", () => {
    expect(() => shipping(-5)).toThrow(TypeError);
  });
});

describe("calendar", () => {
  test("day 0 is week 1", () => expect(weekOf(0)).toBe(1));
  test("day 13 is week 2", () => expect(weekOf(13)).toBe(2));
  test("swarm season is nine days", () => expect(nextInspection(10, true)).toBe(19));
  test("varroa at 3 is treat", () => expect(varroaAction(3)).toBe("treat"));
  test("varroa at 1 is monitor", () => expect(varroaAction(1)).toEqual("monitor"));
  test("varroa list", () => expect([0.5, 2, 4].map(varroaAction)).toEqual(["none", "monitor", "treat", "treat"]));
});
"""


def bun(tmp: Path) -> None:
    d = tmp / "portal-web"
    write_tree(d, {"src/pricing.ts": PRICING_TS, "test/pricing.test.ts": PRICING_TEST % bun_cases(64),
                   "package.json": json.dumps({"name": "apiary-portal-web", "version": "0.4.0", "private": True})})
    cap("bun-test-portal-pricing", "bun test 2>&1", d, N_BUN_TEST, env={"NO_COLOR": "1"})
    cap("bun-test-portal-tail", "bun test test/ 2>&1 | tail -n 60", d, N_BUN_TEST,
        env={"NO_COLOR": "1"})


def handler(i: int, rnd: random.Random) -> str:
    """An order-page handler; the pages were copied from one another, so long runs repeat with other names."""
    field = rnd.choice(["jars", "frames", "supers", "nucs"])
    return f"""import {{ readFile }} from "node:fs/promises";

export async function loadOrders{i}(path) {{
  const raw = await readFile(path, "utf8");
  const rows = raw.split("\\n").filter(Boolean).map((line) => line.split(","));
  const orders = [];
  for (const [id, customer, region, total, status] of rows) {{
    if (status === "refunded") continue;
    orders.push({{ id: Number(id), customer, region, total: Number(total), status }});
  }}
  return orders;
}}

export function summarise{i}(orders) {{
  const byRegion = new Map();
  for (const o of orders) {{
    const cur = byRegion.get(o.region) || {{ count: 0, total: 0, {field}: 0 }};
    cur.count += 1;
    cur.total += o.total;
    cur.{field} += o.{field} || 0;
    byRegion.set(o.region, cur);
  }}
  return [...byRegion.entries()].sort((a, b) => b[1].total - a[1].total);
}}

export function render{i}(summary) {{
  const lines = ["<table>", "<tr><th>region</th><th>orders</th><th>total</th></tr>"];
  for (const [region, s] of summary) {{
    lines.push(`<tr><td>${{region}}</td><td>${{s.count}}</td><td>${{s.total.toFixed(2)}}</td></tr>`);
  }}
  lines.push("</table>");
  return lines.join("\\n");
}}

export const page{i}Size = {rnd.randrange(10, 60)};
"""


def jscpd(tmp: Path) -> None:
    d = tmp / "portal-web"
    rnd = random.Random(6464)
    write_tree(d, {f"pages/orders{i}.mjs": handler(i, rnd) for i in range(1, 8)})
    cap("jscpd-portal-pages", "jscpd pages --min-lines 5 --reporters console 2>&1", d, N_JSCPD)
    shop = tmp / "portal-shop"
    if (shop / "node_modules").exists():
        cap("jscpd-portal-node-modules-tail", "jscpd node_modules/express/lib node_modules/body-parser "
            "node_modules/send node_modules/serve-static --min-lines 4 --reporters console 2>&1 | tail -n 80", shop,
            N_JSCPD)


SHOP_PKG = {"name": "apiary-portal-shop", "version": "1.2.0", "private": True, "license": "UNLICENSED",
            "dependencies": {"express": "^4.19.2", "picocolors": "^1.0.0", "kleur": "^4.1.5", "p-limit": "^3.1.0",
                             "escape-goat": "^4.0.0", "date-fns": "^3.6.0", "zod": "^3.23.8", "ms": "^2.1.3"},
            "devDependencies": {"tap-spec": "^5.0.0"}}


def yarn(tmp: Path) -> None:
    d = tmp / "portal-shop"
    write_tree(d, {"package.json": json.dumps(SHOP_PKG, indent=2),
                   ".yarnrc": 'registry "https://registry.npmjs.org/"\n'})
    yenv = {"YARN_CACHE_FOLDER": str(tmp / "yarn-cache")}
    run("yarn install --non-interactive --no-progress", cwd=d, env=yenv, timeout=600)
    cap("yarn-list-portal-shop", "yarn list --no-progress 2>&1", d, N_YARN_LIST, env=yenv)
    cap("yarn-list-depth0-portal-shop-exit", "yarn list --depth=0 --no-progress; echo EXIT=$?", d, N_YARN_LIST,
        env=yenv)
    cap("license-checker-csv-portal-shop", "license-checker --csv 2>&1", d, N_LICENSE_CHECKER)
    cap("license-checker-csv-tools-head", "license-checker --csv 2>&1 | head -n 80", JS, N_LICENSE_CHECKER)


STEPS = [bun, yarn, jscpd]
