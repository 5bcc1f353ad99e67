"""Capture round 572 of the compression corpus: second samples of round 559's OpenCode kinds (NEEDLES.md's
"Round 572"): edit and write results with LSP diagnostics, task subagent results, todowrite lists, webfetch of two
large local pages in markdown, text and html, read of bigger directories, grep and glob past their limits. ONE
headless OpenCode run (the pinned .tools/bin/opencode, the project's stub as its model through
capture_opencode.run_opencode) over projects written here with a brickworks' names (clamps, pug mills, moulders;
seeds 57210+), faults other than round 559's put in. Every extractor is round 559's, imported.

Usage:   .venv/bin/python scripts/corpus/capture_wide572.py [--out PATH] [--keep]
Writes:  scripts/corpus/data/wide572.json  as {"version": 2, "items": [...]}, ids prefixed "wide572-".
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import random
import sys
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_opencode as oc  # noqa: E402
from capture_more import note, run, write_tree  # noqa: E402
from capture_opencode import Spec  # noqa: E402
from capture_wide454 import drop_and_check  # noqa: E402
from capture_wide559 import (SUB_MARK, SubScript, n_edit_lsp, n_read_dir, n_task, n_todo, n_write_lsp,  # noqa: E402
                             oc_named, quoting, webfetch_ext)
from headroom_mitm.stub import Script, TextStep, ToolCallStep  # noqa: E402,F401

ID_PREFIX = "wide572-"
DEFAULT_OUT = HERE / "data" / "wide572.json"
TMP = Path("/dev/shm/hm-corpus-wide572")
VENV = Path("/dev/shm/hm-corpus-wide572-venv")  # pytest, for the task subagent's run
JS = Path("/dev/shm/hm-corpus-wide572-js")  # pyright, typescript-language-server, typescript@5.9.3
SEED = 57210
PAGES = {"nodejs": "/usr/share/doc/nodejs/api", "libtasn1": "/usr/share/gtk-doc/html/libtasn1"}
PAGE_PORT, STUB_PORT = 28572, 38572
_SIZED = cm.Sized(400, 120_000)
add = _SIZED.add

# ------------------------------------------------------------------ material: a brickworks (seeds 57210+)

FIRST = ["Amos", "Bridget", "Caleb", "Deborah", "Enoch", "Frances", "Gideon", "Hester", "Ishmael", "Jemima", "Kezia",
         "Levi", "Martha", "Noah", "Orpah", "Phineas", "Rhoda", "Silas", "Tabitha", "Zillah"]
LAST = ["Clayton", "Moulder", "Burner", "Setter", "Pugsley", "Hackett", "Kilnworth", "Brickell", "Tempers", "Wheeler"]
CLAYS = ["marl", "brickearth", "fireclay", "gault", "london", "keuper", "etruria", "weald"]
CLAMPS = ["north_clamp", "south_clamp", "gault_clamp", "stock_clamp", "kiln_yard", "hack_ground", "drying_shed",
          "pug_house", "setting_floor", "burning_ground", "tempering_pit", "sand_store"]
FIRINGS = ["smoulder", "full", "soak", "cooling", "drawn"]


def py_project() -> dict[str, str]:
    r = random.Random(SEED)
    clamps = ['"""Clamps: stacks of green bricks fired in the open, their fuel and their yield."""',
              "from __future__ import annotations", "", "from dataclasses import dataclass, field", "",
              "CLAY_SHRINK: dict[str, float] = {"]
    clamps += [f'    "{c}": {r.uniform(0.04, 0.12):.3f},' for c in CLAYS] + ["}", "", "",
               "@dataclass", "class Clamp:", "    name: str", "    bricks: int", "    breeze_tons: float",
               "    firing: str = \"smoulder\"", "    setters: list[str] = field(default_factory=list)", "", "",
               "CLAMPS: list[Clamp] = ["]
    for k in range(26):
        clamps.append(f'    Clamp("clamp {k}", {r.randint(20, 120) * 1000}, {r.uniform(8, 40):.1f}, "{r.choice(FIRINGS)}", '
                      f"[{', '.join(repr(r.choice(FIRST)) for _ in range(r.randint(1, 4)))}]),")
    clamps += ["]", "", "", "def find_clamp(name: str) -> Clamp | None:",
               "    for c in CLAMPS:", "        if c.name == name:", "            return c", "    return None", "", "",
               "def clamp_yield(clamp: Clamp, loss: float) -> int:",
               "    return int(clamp.bricks * (1 - loss))", "", "",
               "def breeze_per_thousand(clamp: Clamp) -> float:", "    return clamp.breeze_tons / (clamp.bricks / 1000)", ""]
    for k in range(30):
        t = k % 6
        clamps += ["", f"def clamp_check_{k:02d}() -> int:"]
        if t == 0:  # fault: Optional used unguarded
            clamps += [f'    return find_clamp("clamp {r.randint(0, 40)}").bricks']
        elif t == 1:  # fault: too many arguments
            clamps += [f'    return clamp_yield(CLAMPS[{k % 26}], 0.{r.randint(5, 25):02d}, "{r.choice(CLAYS)}")']
        elif t == 2:  # fault: a name never defined
            clamps += [f"    return clamp_yield(CLAMPS[{k % 26}], shrinkage_of(\"{r.choice(CLAYS)}\"))"]
        elif t == 3:  # fault: possibly unbound
            clamps += [f"    if CLAMPS[{k % 26}].firing == \"{r.choice(FIRINGS)}\":", f"        got = CLAMPS[{k % 26}].bricks",
                       "    return got"]
        elif t == 4:
            clamps += [f"    return clamp_yield(CLAMPS[{k % 26}], CLAY_SHRINK[\"{r.choice(CLAYS)}\"])"]
        else:  # fault: too few arguments
            clamps += [f"    return clamp_yield(CLAMPS[{k % 26}])"]
        clamps.append("")
    pug = ['"""Pug mills: clay tempered with water and sand, ground and pushed out as a column."""',
           "from __future__ import annotations", "", "from .clamps import CLAY_SHRINK, Clamp, find_clamp", "", "",
           "class PugMillJam(Exception):", "    pass", "", "",
           "class PugMill:", "    def __init__(self, name: str, rpm: int, water_pct: float) -> None:",
           "        self.name = name", "        self.rpm = rpm", "        self.water_pct = water_pct",
           "        self.tons: float = 0.0", "",
           "    def grind(self, tons: float, clay: str) -> tuple[float, float]:",
           "        if self.water_pct > 28:", '            raise PugMillJam(f"{self.name} slurries at {self.water_pct}%")',
           "        self.tons += tons", "        return tons * (1 - CLAY_SHRINK.get(clay, 0.1)), self.water_pct", "",
           "    def column_rate(self) -> float:", "        return self.rpm * 0.42", "", "",
           "MILLS: list[PugMill] = ["]
    pug += [f'    PugMill("mill {k}", {r.randint(12, 40)}, {r.uniform(14, 30):.1f}),' for k in range(1, 11)]
    pug += ["]", "", "", "def mill_summary(mills: list[PugMill]) -> dict[str, float]:",
            "    return [m.column_rate() for m in mills]", ""]
    for k in range(28):
        t = k % 5
        pug += ["", f"def temper_batch_{k:02d}() -> float:"]
        if t == 0:  # fault: tuple unpacked into the wrong count
            pug += [f'    out, water, sand = MILLS[{k % 10}].grind({r.uniform(1, 9):.1f}, "{r.choice(CLAYS)}")',
                    "    return out + water + sand"]
        elif t == 1:  # fault: Optional used unguarded
            pug += [f'    return find_clamp("clamp {r.randint(0, 30)}").breeze_tons * MILLS[{k % 10}].column_rate()']
        elif t == 2:  # fault: wrong argument count
            pug += [f"    return MILLS[{k % 10}].grind({r.uniform(1, 9):.1f})[0]"]
        elif t == 3:  # fault: a name never defined
            pug += [f"    return MILLS[{k % 10}].column_rate() * sand_ratio"]
        else:
            pug += [f'    out, water = MILLS[{k % 10}].grind({r.uniform(1, 9):.1f}, "{r.choice(CLAYS)}")', "    return out"]
        pug.append("")
    moulders = ['"""Moulders at their stools: stock moulds, strikes, and the hacks the green bricks dry on."""',
                "from __future__ import annotations", "", "from dataclasses import dataclass", "",
                "from .clamps import CLAMPS, Clamp, clamp_yield", "from .pugmills import MILLS, PugMill", "", "",
                "@dataclass", "class Moulder:", "    name: str", "    stool: int", "    per_day: int",
                "    mould: str | None = None", "", "", "GANG: list[Moulder] = ["]
    for k in range(32):
        mould = f'"{r.choice(["stock", "frog", "bullnose", "plinth", "coping"])}"' if r.random() < 0.6 else "None"
        moulders.append(f'    Moulder("{r.choice(FIRST)} {r.choice(LAST)}", {k + 1}, {r.randint(600, 1400)}, {mould}),')
    moulders += ["]", "", "", "def hack_rows(m: Moulder, days: int) -> int:", "    return m.per_day * days // 500", "", ""]
    for k in range(30):
        t = k % 5
        moulders += ["", f"def moulding_day_{k:02d}() -> dict[str, int]:"]
        if t == 0:  # fault: Optional member access
            moulders += [f"    return {{GANG[{k}].mould.upper(): GANG[{k}].per_day}}"]
        elif t == 1:  # fault: list returned where dict declared
            moulders += [f"    return [hack_rows(m, {r.randint(1, 6)}) for m in GANG]"]
        elif t == 2:  # fault: too many arguments
            moulders += [f"    return {{\"rows\": hack_rows(GANG[{k}], {r.randint(1, 6)}, \"{r.choice(CLAMPS)}\")}}"]
        elif t == 3:  # fault: name never defined
            moulders += [f"    return {{\"strike\": strike_count(GANG[{k}])}}"]
        else:
            moulders += [f"    return {{\"rows\": hack_rows(GANG[{k}], {r.randint(1, 6)})}}"]
        moulders.append("")
    tests = ["import pytest", "", "from pugworth.clamps import CLAMPS, breeze_per_thousand, clamp_yield, find_clamp",
             "from pugworth.pugmills import MILLS, PugMill, PugMillJam", "from pugworth.moulders import GANG, hack_rows", ""]
    for k in range(36):
        t = k % 6
        tests += ["", f"def test_brickfield_{k:02d}():"]
        if t == 0:
            tests += [f"    assert find_clamp('clamp {r.randint(0, 40)}').bricks > 0"]
        elif t == 1:
            tests += [f"    assert clamp_yield(CLAMPS[{k % 26}], 0.1) == {r.randint(20, 100) * 1000}"]
        elif t == 2:
            tests += [f"    m = PugMill('test mill', 20, {r.uniform(20, 34):.1f})", f"    assert m.grind(2.0, 'marl')[0] > 1.5"]
        elif t == 3:
            tests += [f"    assert hack_rows(GANG[{k % 32}], {r.randint(1, 5)}) == {r.randint(1, 12)}"]
        elif t == 4:
            tests += [f"    assert breeze_per_thousand(CLAMPS[{k % 26}]) == pytest.approx({r.uniform(0.1, 1.2):.2f}, rel=0.2)"]
        else:
            tests += [f"    assert MILLS[{k % 10}].column_rate() < {r.randint(5, 15)}"]
        tests.append("")
    return {"pyproject.toml": '[project]\nname = "pugworth"\nversion = "5.72.0"\n\n[tool.pyright]\ntypeCheckingMode = "basic"\n',
            "pugworth/__init__.py": "", "pugworth/clamps.py": "\n".join(clamps),
            "pugworth/pugmills.py": "\n".join(pug), "pugworth/moulders.py": "\n".join(moulders),
            "tests/test_brickfield.py": "\n".join(tests)}


def ts_project() -> dict[str, str]:
    r = random.Random(SEED + 1)
    firing = "export type Firing = " + " | ".join(f"'{f}'" for f in FIRINGS) + ";"
    clamp = [firing, "", "export interface Clamp {", "  name: string;", "  bricks: number;", "  breezeTons: number;",
             "  firing: Firing;", "  setters?: string[];", "}", "",
             "export const clamps: Clamp[] = ["]
    for k in range(20):
        clamp.append(f"  {{ name: 'clamp {k}', bricks: {r.randint(20, 120) * 1000}, breezeTons: {r.randint(8, 40)}, "
                     f"firing: '{r.choice(FIRINGS)}' }},")
    clamp += ["];", "", "export function findClamp(name: string): Clamp | undefined {",
              "  return clamps.find((c) => c.name === name);", "}", "",
              "export function yieldOf(c: Clamp, loss: number): number {", "  return Math.round(c.bricks * (1 - loss));", "}", ""]
    for k in range(24):
        t = k % 6
        clamp += [f"export function clampCheck{k:02d}(): number {{"]
        if t == 0:  # fault: possibly undefined
            clamp += [f"  const c = findClamp('clamp {r.randint(0, 30)}');", "  return c.bricks;"]
        elif t == 1:  # fault: excess property
            clamp += [f"  const c: Clamp = {{ name: 'extra {k}', bricks: 1000, breezeTons: 2, firing: 'full', colour: '{r.choice(['red', 'yellow', 'blue'])}' }};",
                      "  return yieldOf(c, 0.1);"]
        elif t == 2:  # fault: wrong argument count
            clamp += [f"  return yieldOf(clamps[{k % 20}], 0.{r.randint(5, 30):02d}, true);"]
        elif t == 3:  # fault: a string where the union goes
            clamp += [f"  const how: string = '{r.choice(FIRINGS)}';", f"  const c: Clamp = {{ ...clamps[{k % 20}], firing: how }};",
                      "  return c.bricks;"]
        elif t == 4:  # fault: missing return on a path
            clamp += [f"  if (clamps[{k % 20}].firing === '{r.choice(FIRINGS)}') {{", f"    return clamps[{k % 20}].bricks;", "  }"]
        else:
            clamp += [f"  return yieldOf(clamps[{k % 20}], 0.1);"]
        clamp += ["}", ""]
    moulds = ["import { Clamp, clamps, findClamp, yieldOf, Firing } from './clamp';", "",
              "export interface Moulder {", "  name: string;", "  stool: number;", "  perDay: number;", "}", ""]
    for k in range(24):
        t = k % 4
        if t == 0:  # fault: implicitly-any parameter
            moulds += [f"export function hackRows{k:02d}(m, days: number): number {{", "  return m.perDay * days;", "}", ""]
        elif t == 1:  # fault: possibly undefined setters
            moulds += [f"export function setterCount{k:02d}(c: Clamp): number {{", "  return c.setters.length;", "}", ""]
        elif t == 2:  # fault: wrong argument count / type
            moulds += [f"export function mouldDay{k:02d}(m: Moulder): number {{",
                       f"  return yieldOf(findClamp('clamp {k}') ?? clamps[0]) + m.perDay;", "}", ""]
        else:
            moulds += [f"export function stoolLoad{k:02d}(m: Moulder): number {{", f"  return m.perDay * {r.randint(2, 6)};", "}", ""]
    return {"clampfield/package.json": json.dumps({"name": "clampfield", "version": "5.72.0", "private": True}, indent=2) + "\n",
            "clampfield/tsconfig.json": json.dumps({"compilerOptions": {"strict": True, "noEmit": True, "target": "es2022",
                                                                         "module": "commonjs"}, "include": ["src"]}, indent=2) + "\n",
            "clampfield/src/clamp.ts": "\n".join(clamp), "clampfield/src/moulds.ts": "\n".join(moulds)}


def tally_tree() -> dict[str, str]:
    r = random.Random(SEED + 2)
    files: dict[str, str] = {}
    for place in CLAMPS:
        for n in range(48):
            ext = r.choice([".csv"] * 7 + [".log"] * 2 + [".txt"])
            rows = [f"{place},{r.choice(FIRST)} {r.choice(LAST)},{r.choice(CLAYS)},{r.randint(200, 9000)} bricks,"
                    f"fire {r.randint(700, 1100)} C" for _ in range(r.randint(3, 8))]
            if r.random() < 0.25:
                rows.append(f"RECHECK {place} hack {n}: {r.randint(20, 600)} bricks cracked in drying")
            files[f"mouldshed_tally/{place}/hack_{n:02d}{ext}"] = "\n".join(rows) + "\n"
    files["mouldshed_tally/burning_ground/clamp_book.json"] = json.dumps({"clamps": 26, "seed": SEED}) + "\n"
    files["mouldshed_tally/pug_house/mill_book.yaml"] = "mills: 10\nseed: %d\n" % SEED
    files["mouldshed_tally/README.md"] = "# Mould shed tally\n\nOne file a hack, one folder a place in the yard.\n"
    return files


def subs(root: Path) -> tuple:
    return (("A", (ToolCallStep("bash", {"command": "cd pugworth && python -m pytest -q -p no:cacheprovider --color=no tests 2>&1 | tail -n 160",
                                         "description": "Run the pugworth suite"}),
                   TextStep(quoting("I ran the pugworth test suite; it fails. The end of its output:", 160)))),
            ("B", (ToolCallStep("grep", {"pattern": "RECHECK", "path": str(root / "mouldshed_tally")}),
                   TextStep(quoting("The recheck notes in the mould shed tally, as grep found them:", 1000)))),
            ("C", (ToolCallStep("bash", {"command": "cd pugworth/clampfield && tsc --noEmit -p . 2>&1 | head -n 120",
                                         "description": "Type-check clampfield"}),
                   TextStep(quoting("Type-checking clampfield reports errors:", 120)))),
            ("D", (ToolCallStep("bash", {"command": "cd pugworth && pyright pugworth 2>&1 | tail -n 200",
                                         "description": "Run pyright over pugworth"}),
                   TextStep(quoting("pyright over pugworth, the end of its report:", 200)))))


def todos(n: int, seed: int) -> list[dict]:
    r = random.Random(seed)
    verbs = ["Rebuild", "Re-set", "Count the cracked bricks in", "Weigh the breeze for", "Temper", "Inspect",
             "Log the firing of", "Sharpen the strikes at", "Re-sand the moulds of"]
    things = ["clamp 7", "the gault clamp", "mill 3", "Silas's stool", "the hack ground rows", "the drying shed roof",
              "the pug house shafts", "the setting floor", "the brickearth pit", "the sand store order"]
    out = []
    for i in range(n):
        status = "completed" if i < n * 2 // 3 else "pending"
        out.append({"content": f"{r.choice(verbs)} {r.choice(things)} (hack {r.randint(1, 90)})", "status": status,
                    "priority": "low" if r.random() < 0.6 else "medium", "id": str(i + 1)})
    out[n * 2 // 3]["status"] = "in_progress"
    out[r.randrange(n)]["priority"] = "high"
    out[r.randrange(n)]["status"] = "cancelled"
    return out


def specs(root: Path) -> list[tuple[Spec, object]]:
    py = root / "pugworth" / "pugworth"
    ts = root / "pugworth" / "clampfield" / "src"
    pg = (py / "pugmills.py").read_text()
    ct = (ts / "clamp.ts").read_text()
    S: list[tuple[Spec, object]] = []

    def rd(path: Path):  # read before edit/write (OpenCode asks for it); not an item
        S.append((Spec(f"pre-read-{len(S)}", "", "", "read", {"filePath": str(path)}), None))

    def E(item: str, path: Path, old: str, new: str, replace_all: bool = False):
        args = {"filePath": str(path), "oldString": old, "newString": new}
        if replace_all:
            args["replaceAll"] = True
        S.append((Spec(item, "oc-edit-lsp", "build", "edit", args), n_edit_lsp))

    def W(item: str, path: Path, content: str):
        S.append((Spec(item, "oc-write-lsp", "build", "write", {"filePath": str(path), "content": content}), n_write_lsp))

    for p in (py / "clamps.py", py / "pugmills.py", py / "moulders.py", ts / "clamp.ts", ts / "moulds.ts"):
        rd(p)
    tally = root / "pugworth" / "mouldshed_tally"
    for item, path in (("oc-read-dir-mouldshed-tally-hack-ground", tally / "hack_ground"),
                       ("oc-read-dir-usr-include", Path("/usr/include")),
                       ("oc-read-dir-usr-lib-x86-64-linux-gnu", Path("/usr/lib/x86_64-linux-gnu")),
                       ("oc-read-dir-i18n-charmaps", Path("/usr/share/i18n/charmaps")),
                       ("oc-read-dir-nodejs-api-docs", Path("/usr/share/doc/nodejs/api"))):
        S.append((Spec(item, "oc-read-directory", "listing", "read", {"filePath": str(path)}), n_read_dir))
    for item, args in (("oc-grep-cut-tally-bricks", {"pattern": r"\d{4} bricks", "path": str(tally)}),
                       ("oc-grep-cut-tally-fire-c", {"pattern": r"fire 10[0-9]{2} C", "path": str(tally), "include": "*.csv"}),
                       ("oc-grep-cut-pugworth-def-return", {"pattern": r"def \w+|return ", "path": str(py)}),
                       ("oc-grep-cut-nodejs-api-err-http2", {"pattern": r"ERR_HTTP2_\w+|ERR_STREAM_\w+",
                                                             "path": "/usr/share/doc/nodejs/api", "include": "*.md"})):
        sp = Spec(item, "oc-grep-cut", "search", "grep", args)
        S.append((sp, oc_named("oc-grep-cut", "search", oc.needles_grep, sp)))
    for item, args in (("oc-glob-cut-tally-all", {"pattern": "**/*", "path": str(tally)}),
                       ("oc-glob-cut-tally-log", {"pattern": "**/*.log", "path": str(tally)}),
                       ("oc-glob-cut-nodejs-api", {"pattern": "**/*", "path": "/usr/share/doc/nodejs"}),
                       ("oc-glob-cut-charmaps-gz", {"pattern": "*.gz", "path": "/usr/share/i18n/charmaps"})):
        sp = Spec(item, "oc-glob-cut", "listing", "glob", args)
        S.append((sp, oc_named("oc-glob-cut", "listing", oc.needles_glob, sp)))
    for name, page in (("nodejs-http2", "nodejs/http2.html"), ("libtasn1-api", "libtasn1/libtasn1-libtasn1.html")):
        for fmt, short in (("markdown", "md"), ("text", "text"), ("html", "html")):
            sp = Spec(f"oc-webfetch-{short}-large-{name}", f"oc-webfetch-{fmt}-large", "doc", "webfetch",
                      {"url": "{BASE}/" + page, "format": fmt}, source=page)
            S.append((sp, webfetch_ext(fmt, sp)))
    for item, n, sd in (("oc-todowrite-yard-16", 16, SEED + 10), ("oc-todowrite-yard-27", 27, SEED + 11),
                        ("oc-todowrite-yard-40", 40, SEED + 12), ("oc-todowrite-yard-21", 21, SEED + 13),
                        ("oc-todowrite-yard-55", 55, SEED + 14)):
        S.append((Spec(item, "oc-todowrite", "json", "todowrite", {"todos": todos(n, sd)}), n_todo))
    for item, letter, what in (("oc-task-pytest-pugworth", "A", "Run the pugworth tests and report the failures"),
                               ("oc-task-grep-recheck", "B", "Find the recheck notes in the mould shed tally"),
                               ("oc-task-tsc-clampfield", "C", "Type-check clampfield and report"),
                               ("oc-task-pyright-pugworth", "D", "Run pyright over pugworth and report")):
        S.append((Spec(item, "oc-task-result", "log", "task",
                       {"description": what, "prompt": f"{what}. {SUB_MARK}{letter}]", "subagent_type": "general"}), n_task))
    # edits that put more faults in (diagnostics of the edited file and of the others)
    E("oc-edit-lsp-clamps-bricks-str", py / "clamps.py", "    bricks: int\n", "    bricks: str\n")
    E("oc-edit-lsp-clamps-kiln-field", py / "clamps.py", "    bricks: str\n", "    bricks: int\n    kiln: str\n")
    E("oc-edit-lsp-pugmills-grind-sig", py / "pugmills.py",
      "    def grind(self, tons: float, clay: str) -> tuple[float, float]:",
      "    def grind(self, tons: float, clay: str, sand: float) -> tuple[float, float, float]:")
    E("oc-edit-lsp-moulders-per-day-optional", py / "moulders.py", "    per_day: int\n", "    per_day: int | None\n")
    E("oc-edit-lsp-clamp-ts-bricks-string", ts / "clamp.ts", "  bricks: number;", "  bricks: string;")
    E("oc-edit-lsp-clamp-ts-firing-narrow", ts / "clamp.ts", firing_line(), "export type Firing = 'smoulder' | 'full';")
    E("oc-edit-lsp-clamp-ts-yieldof-sig", ts / "clamp.ts", "export function yieldOf(c: Clamp, loss: number): number {",
      "export function yieldOf(c: Clamp, loss: number, clay: string): number {")
    W("oc-write-lsp-new-hack-ground-py", py / "hack_ground.py",
      '"""The hack ground: rows of green bricks drying under hack covers."""\n'
      "from .clamps import CLAMPS, find_clamp\nfrom .moulders import GANG, hack_rows\nfrom .pugmills import MILLS\n\n\n"
      + "".join(f"def hack_row_{i:02d}() -> dict[str, int]:\n    c = find_clamp('{c}')\n"
                f"    rows, covers = hack_rows(GANG[{i}], {i + 1}), c.setters\n"
                f"    return {{'rows': rows, 'covers': len(covers), 'mill': MILLS[{i % 10}].grind(1.0)}}\n\n\n"
                for i, c in enumerate(CLAMPS)))
    W("oc-write-lsp-replace-pugmills-py", py / "pugmills.py",
      pg.replace("        self.tons: float = 0.0", "        self.tons: float = None").replace(
          "    def column_rate(self) -> float:\n        return self.rpm * 0.42",
          "    def column_rate(self) -> float:\n        return str(self.rpm * 0.42)"))
    W("oc-write-lsp-new-setting-ts", ts / "setting.ts",
      "import { Clamp, clamps, findClamp, yieldOf } from './clamp';\nimport { Moulder } from './moulds';\n\n"
      + "".join(f"export function setCourse{k:02d}(m: Moulder, course): number {{\n"
                f"  const c = findClamp('clamp {k}');\n  return yieldOf(c, m.perDay) + c.setters.length;\n}}\n\n"
                for k in range(16)))
    W("oc-write-lsp-replace-clamp-ts", ts / "clamp.ts", ct.replace("export function findClamp", "export function lookupClamp"))
    E("oc-edit-lsp-moulders-gang-import", py / "moulders.py", "from .pugmills import MILLS, PugMill",
      "from .pugmills import MILLS, PugMill, PugMillStall")
    E("oc-edit-lsp-moulds-ts-perday-optional", ts / "moulds.ts", "  perDay: number;", "  perDay?: number;")
    return S


def firing_line() -> str:
    return "export type Firing = " + " | ".join(f"'{f}'" for f in FIRINGS) + ";"


def opencode(tmp: Path) -> None:
    root = tmp / "oc" / "work"
    proj = root / "pugworth"
    write_tree(proj, {**py_project(), **ts_project(), **tally_tree()})
    run(f"ln -s {JS}/node_modules {proj}/clampfield/node_modules && ln -s {JS}/node_modules {root}/node_modules")
    serve = tmp / "docs"
    serve.mkdir()
    for name, path in PAGES.items():
        os.symlink(path, serve / name)
    oc.DOC_SERVE_DIR = str(serve)
    handler = functools.partial(oc._QuietHandler, directory=str(serve))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", PAGE_PORT), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    base = f"http://127.0.0.1:{PAGE_PORT}"
    orig_env, orig_script, orig_stub = oc.opencode_env, oc.Script, oc.StubServer

    def env(t: Path, work: Path, stub_url: str) -> dict:
        e = orig_env(t, work, stub_url)
        e["PATH"] = f"{VENV}/bin:{JS}/node_modules/.bin:" + e["PATH"]
        e["OPENCODE_DISABLE_LSP_DOWNLOAD"] = "1"
        conf = json.loads(e["OPENCODE_CONFIG_CONTENT"])
        conf["lsp"] = True  # round 559's notes: no LSP server starts without it
        e["OPENCODE_CONFIG_CONTENT"] = json.dumps(conf)
        e["COLUMNS"] = "120"
        return e
    S = specs(root)
    sub = subs(proj)
    oc.opencode_env = env
    oc.Script = lambda steps, title, name: SubScript(steps=steps, title=title, name=name, subs=sub)
    oc.StubServer = functools.partial(orig_stub, port=STUB_PORT)
    oc.RUN_TIMEOUT = 900
    try:
        captured = oc.run_opencode(tmp / "oc", [s for s, _ in S], base)
    finally:
        oc.opencode_env, oc.Script, oc.StubServer = orig_env, orig_script, orig_stub
        server.shutdown()
        server.server_close()
    exts = {s.id: e for s, e in S}
    for spec, sent, text, is_error in captured:
        if spec.id.startswith("pre-read-"):
            continue
        command = dict(sent)
        if "url" in command:
            command["url"] = command["url"].replace(base, "http://127.0.0.1:PORT")
        note(f"{spec.id}: is_error={is_error} {len(text)} chars: {text[:160]!r}")
        add(spec.id, json.dumps(command, sort_keys=True, ensure_ascii=False), text, exts[spec.id], tool=spec.tool)


def ensure_tools() -> None:
    cm.install_venv(VENV, "pytest", ["pytest"])
    cm.install_npm(JS, "typescript-language-server", ["pyright", "typescript-language-server", "typescript@5.9.3"])


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: [opencode], ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide572", sys.modules["__main__"])
    main()
