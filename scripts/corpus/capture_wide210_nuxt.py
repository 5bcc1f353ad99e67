"""Round 210: a Nuxt site of this round's own (a bakery's pre-order shop, `crumb`) with faults of its own put in (a
named import a module does not export, a default import of a file that is not there; props read with the wrong types,
a computed assigned to, a fetch result used as the wrong shape), run through nuxi. The needles come from round 195's
Nuxt extractors, imported. Run through capture_wide210.py."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

from capture_more import write_tree
from capture_wide195_js import n_nuxi_build, n_nuxi_typecheck
from capture_wide210 import cap

TOOLS = Path(os.environ.get("HM_WIDE210_TOOLS", "/dev/shm/r210/tools"))
ENV = {"npm_config_cache": str(TOOLS / "npm-cache"), "NUXT_TELEMETRY_DISABLED": "1", "CI": "1",
       "NO_UPDATE_NOTIFIER": "1",
       "PATH": os.pathsep.join([str(TOOLS / "nuxt" / "node_modules" / ".bin"), os.environ.get("PATH", "")])}
BAKES = ["sourdough", "rye", "brioche", "focaccia", "bagel", "croissant", "babka", "pretzel", "scone"]


def shop(root: Path, broken: str, n: int = 22, seed: int = 210) -> Path:
    rnd = random.Random(seed)
    files = {
        "package.json": json.dumps({"name": "crumb", "private": True, "type": "module"}, indent=2),
        "nuxt.config.ts": "export default defineNuxtConfig({\n  compatibilityDate: '2025-09-01',\n  devtools: "
                          "{ enabled: false },\n  telemetry: false,\n})\n",
        "tsconfig.json": '{\n  "files": [],\n  "references": [\n    { "path": "./.nuxt/tsconfig.app.json" },\n'
                         '    { "path": "./.nuxt/tsconfig.server.json" },\n    { "path": "./.nuxt/tsconfig.shared.json" },'
                         '\n    { "path": "./.nuxt/tsconfig.node.json" }\n  ]\n}\n',
        "app/app.vue": "<template>\n  <div><h1>Crumb</h1><NuxtPage /></div>\n</template>\n",
        "app/utils/pricing.ts": "export const VAT = 0.07\nexport function gross(net: number): number {\n"
                                "  return Math.round(net * (1 + VAT) * 100) / 100\n}\n",
        "server/api/stock.get.ts": "export default defineEventHandler(() => ({ loaves: 64, soldOut: ['rye'] }))\n",
        "app/pages/index.vue": "<script setup lang=\"ts\">\nconst { data } = await useFetch('/api/stock')\n</script>\n"
                               "<template><p>{{ data?.loaves }} loaves today</p></template>\n",
    }
    for k in range(n):
        b = BAKES[k % len(BAKES)]
        name = f"{b.capitalize()}Tile{k}"
        props = "\n".join(f"  {b}{j}: number" for j in range(rnd.randint(2, 4)))
        script = f"<script setup lang=\"ts\">\nconst props = defineProps<{{\n{props}\n}}>()\n"
        tmpl = f"<template>\n  <li class=\"{b}\">{{{{ gross(props.{b}0) }}}} EUR</li>\n</template>\n"
        if broken == "build" and k in (3, 14):
            script += "import { discount } from '~/utils/pricing'\nconst off = discount(props." + b + "0)\n"
        if broken == "build" and k == 8:
            script += "import oven from '~/utils/oven-schedule'\nconst slot = oven(" + str(k) + ")\n"
        if broken == "types" and k % 4 == 2:
            script += (f"const count: string = props.{b}0 * 2\nconst twice = computed(() => props.{b}1 * 2)\n"
                       f"twice.value = 4\n")
            tmpl = f"<template>\n  <li>{{{{ props.{b}0.padStart(3) }}}} {{{{ count }}}} {{{{ props.{b}7 }}}}</li>\n</template>\n"
        files[f"app/components/{name}.vue"] = script + "</script>\n" + tmpl
        files[f"app/pages/{b}-{k}.vue"] = (f"<template>\n  <ul><{name} :{b}0=\"{k + 2.5}\" :{b}1=\"{k}\" /></ul>\n"
                                           f"</template>\n")
    if broken == "types":
        files["app/pages/order.vue"] = (
            "<script setup lang=\"ts\">\nconst { data } = await useFetch('/api/stock')\n"
            "const first: number = data.value?.soldOut[0]\nconst total: number = gross('12')\n"
            "await navigateTo({ path: 3 })\n</script>\n<template><p>{{ first }} {{ total }} {{ data?.ovens }}</p>"
            "</template>\n")
    write_tree(root, files)
    nm = root / "node_modules"
    if not nm.exists():
        nm.symlink_to(TOOLS / "nuxt" / "node_modules")
    return root


def cap_nuxt(tmp: Path) -> None:
    bad = shop(tmp / "crumb-broken", "build")
    typ = shop(tmp / "crumb-types", "types", seed=2101)
    good = shop(tmp / "crumb", "", n=30, seed=2102)
    cap("nuxi-build-bad-imports", "nuxi build 2>&1 | tail -n 80; echo EXIT=$?", bad, n_nuxi_build, timeout=600, env=ENV)
    cap("nuxi-build-shop", "nuxi build", good, n_nuxi_build, timeout=600, env=ENV)
    cap("nuxi-typecheck-shop", "nuxi typecheck; echo EXIT=$?", typ, n_nuxi_typecheck, timeout=600, env=ENV)


STEPS = [cap_nuxt]
