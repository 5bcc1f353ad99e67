"""Capture round 559 of the compression corpus: OpenCode's tools OTHER than bash/read/grep/glob's ordinary results, as
they reach the model (NEEDLES.md's "Round 559"): edit and write results (with LSP diagnostics when a server answers),
edit failures, task subagent results, todowrite lists, webfetch of two large local pages in markdown, text and html,
read of a directory / a missing file / an offset past the end, grep and glob past their limits. ONE headless OpenCode
run (the pinned .tools/bin/opencode, the project's stub as its model through capture_opencode.run_opencode) over
projects written here with a rope walk's names (hemp, ropemakers, tar kettles; seed 55910), faults put in.

Usage:   .venv/bin/python scripts/corpus/capture_wide559.py [--out PATH] [--keep]
Writes:  scripts/corpus/data/wide559.json  as {"version": 2, "items": [...]}, ids prefixed "wide559-".
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import random
import re
import sys
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_opencode as oc  # noqa: E402
from capture_more import cut, mask, note, run, write_tree  # noqa: E402
from capture_opencode import Spec  # noqa: E402
from capture_wide454 import drop_and_check  # noqa: E402
from headroom_mitm.stub import Script, TextStep, ToolCallStep  # noqa: E402

ID_PREFIX = "wide559-"
DEFAULT_OUT = HERE / "data" / "wide559.json"
TMP = Path("/dev/shm/hm-corpus-wide559")
VENV = Path("/dev/shm/hm-corpus-wide559-venv")  # pytest, for the task subagent's run
JS = Path("/dev/shm/hm-corpus-wide559-js")  # pyright, typescript-language-server, typescript@5 (7 ships no tsserver.js)
SEED = 55910
PAGES = {"privoxy": "/usr/share/doc/privoxy/user-manual", "parallel": "/usr/share/doc/parallel"}
_SIZED = cm.Sized(400, 120_000)
add = _SIZED.add


# ------------------------------------------------------------------ extractors (fixed before capture)

SEV_RE = re.compile(r"\b(error|warn|warning|info|information|hint)\b", re.I)
LOC_RE = re.compile(r"\[\d+:\d+\]|:\d+:\d+")


@cm.kind("oc-edit-lsp", "build")
def n_edit_lsp(lines: list[str]) -> list:
    """the status sentence; every ERROR diagnostic line with a location; other severities one any per (severity, shape, file); diagnostics block openers; left-out notes"""
    return _lsp(lines)


@cm.kind("oc-write-lsp", "build")
def n_write_lsp(lines: list[str]) -> list:
    """the status sentence; every ERROR diagnostic line with a location; other severities one any per (severity, shape, file); diagnostics block openers; left-out notes"""
    return _lsp(lines)


def _lsp(lines: list[str]) -> list:
    out: list = []
    first = next((ln for ln in lines if ln.strip()), "")
    out.append(cut(first))
    current = ""
    groups: dict = {}
    for ln in lines:
        if "<diagnostics" in ln or "<file_diagnostics" in ln or "file=" in ln:
            current = ln
            out.append(cut(ln))
            continue
        m = SEV_RE.search(ln)
        if m and LOC_RE.search(ln):
            sev = m.group(1).lower()
            if sev.startswith("error"):
                out.append(cut(ln))
            else:
                groups.setdefault((sev, mask(LOC_RE.sub("", ln)), current), []).append(ln)
            continue
        if re.search(r"\bmore\b|truncated", ln):
            out.append(cut(ln))
    out += [cm.any_of(v) for v in groups.values()]
    return out


def _all_lines(lines: list[str]) -> list:
    return [cut(ln) for ln in lines if ln.strip()]


for _k in ("oc-edit-error-not-found", "oc-edit-error-multiple", "oc-read-missing", "oc-read-past-end"):
    cm.named(_k, "log", "every non-empty line of the tool error (path, counts, suggestions)", _all_lines)

TASK_ERR_RE = re.compile(r"(?i)\b(errors?|fail(?:ed|ure|ures|s)?|exception)\b")
FILE_LINE_RE = re.compile(r"\S+:\d+")
COUNT_RE = re.compile(r"\b\d+ (passed|failed|errors?)\b|Found \d+ match")


@cm.kind("oc-task-result", "log")
def n_task(lines: list[str]) -> list:
    """task_id line; every error/failure/exception line and a file:line within the next six; count summary lines"""
    out: list = []
    for i, ln in enumerate(lines):
        if "task_id" in ln:
            out.append(cut(ln))
        if TASK_ERR_RE.search(ln):
            out.append(cut(ln))
            if not FILE_LINE_RE.search(ln):
                loc = next((x for x in lines[i + 1:i + 7] if FILE_LINE_RE.search(x)), None)
                if loc:
                    out.append(cut(loc))
        if COUNT_RE.search(ln):
            out.append(cut(ln))
    return out


@cm.kind("oc-todowrite", "json")
def n_todo(lines: list[str]) -> list:
    """content line of in_progress todos, of todos with a rare status/priority (<=2 while the commonest >= half), first and last"""
    text = "\n".join(lines)
    try:
        todos = json.loads(text[text.index("["):text.rindex("]") + 1])
        assert isinstance(todos, list) and todos
    except (ValueError, AssertionError):
        return [cut(ln) for ln in lines if "in_progress" in ln]

    def line_of(t: dict):
        key = json.dumps(t.get("content", ""), ensure_ascii=False)
        return next((cut(ln) for ln in lines if key in ln), None)
    pick = [t for t in todos if t.get("status") == "in_progress"]
    for field in ("status", "priority"):
        c = Counter(t.get(field) for t in todos)
        if c and c.most_common(1)[0][1] * 2 >= len(todos):
            pick += [t for t in todos if c[t.get(field)] <= 2]
    pick += [todos[0], todos[-1]]
    return [line_of(t) for t in pick]


def _large(fmt: str):
    base = oc.EXTRACTORS[f"oc-webfetch-{fmt}"]

    def ext(lines: list[str], spec: Spec) -> list:
        found, _ = base("\n".join(lines), spec)
        keep: list = []
        for n in found:
            alts = [a for a in (n["any"] if isinstance(n, dict) else [n]) if any(a.strip()[:200] in ln for ln in lines)]
            if alts:
                keep.append(alts[0] if len(alts) == 1 else {"any": alts})
        return keep + oc.status_needles(lines)
    return ext


def webfetch_ext(fmt: str, spec: Spec):
    fn = _large(fmt)
    return cm.named(f"oc-webfetch-{fmt}-large", "doc",
                    f"the oc-webfetch-{fmt} extractor's needles on a line of the text handed over, + truncation notice",
                    lambda lines: fn(lines, spec))


@cm.kind("oc-read-directory", "listing")
def n_read_dir(lines: list[str]) -> list:
    """the line naming the directory; every subdirectory entry; entries of a rare extension (rule 4); count/cut lines"""
    out: list = []
    first = next((ln for ln in lines if ln.strip() and "/" in ln), None)
    if first:
        out.append(cut(first))
    entries = [ln.strip() for ln in lines if ln.strip() and not ln.strip().startswith(("<", "(")) and ln is not first]
    out += [e for e in entries if e.endswith("/")]
    files = [e for e in entries if not e.endswith("/")]
    exts = Counter(os.path.splitext(e)[1] for e in files)
    if exts and exts.most_common(1)[0][1] * 2 >= len(files):
        out += [e for e in files if exts[os.path.splitext(e)[1]] <= 2]
    out += [cut(ln) for ln in lines if re.search(r"\bentr(y|ies)\b|truncated|\bmore\b", ln)]
    return out


def oc_named(kind: str, family: str, fn, spec: Spec):
    return cm.named(kind, family, (fn.__doc__ or kind).strip().splitlines()[0],
                    lambda lines: fn("\n".join(lines), spec)[0])


# ------------------------------------------------------------------ material: a rope walk (seed 55910)

RND = random.Random(SEED)
FIRST = ["Abel", "Bathsheba", "Cyrus", "Dorcas", "Ezra", "Faith", "Gabriel", "Hannah", "Isaac", "Jethro", "Keturah",
         "Lemuel", "Mercy", "Nathaniel", "Obadiah", "Prudence", "Reuben", "Selina", "Thaddeus", "Ursula"]
LAST = ["Hatcheler", "Spinner", "Layer", "Tarman", "Cordwain", "Hawser", "Twister", "Marling", "Roper", "Kettlewell"]
GRADES = ["riga", "petersburg", "bologna", "manila", "sunn", "italian", "tow", "codilla"]
WALKS = ["north", "south", "upper", "lower", "kettle", "tarhouse", "hatchel", "laying"]


def py_project() -> dict[str, str]:
    r = random.Random(SEED)
    hemp = ['"""Hemp bales: grades, weights and what a bale is worth to the walk."""', "from __future__ import annotations",
            "", "from dataclasses import dataclass", "", "GRADE_FACTOR: dict[str, float] = {"]
    hemp += [f'    "{g}": {r.uniform(0.6, 1.4):.2f},' for g in GRADES] + ["}", "", "",
             "@dataclass", "class HempBale:", "    grade: str", "    weight_kg: float", "    origin: str", "",
             "", "def grade_factor(grade: str) -> float:", '    """The factor of a grade; unknown grades are worth nothing."""',
             "    return GRADE_FACTOR.get(grade, 0.0)", "", "",
             "def bale_value(bale: HempBale, price_per_kg: float) -> float:",
             "    return bale.weight_kg * price_per_kg * grade_factor(bale.grade)", ""]
    for k in range(24):
        g = r.choice(GRADES)
        hemp += ["", f"def lot_{k:02d}_value(price: float) -> float:",
                 f'    bale = HempBale("{g}", {r.randint(80, 400)}.0, "{r.choice(WALKS)}")',
                 "    return bale_value(bale, price)", ""]
    ropers = ['"""The ropemakers of the walk and their shifts."""', "from __future__ import annotations", "",
              "from dataclasses import dataclass, field", "", "from .hemp import HempBale, bale_value, grade_factor", "", "",
              "@dataclass", "class Ropemaker:", "    name: str", "    walk: str", "    fathoms_per_hour: float",
              "    shifts: list[int] = field(default_factory=list)", "", "", "ROSTER: list[Ropemaker] = ["]
    for _ in range(30):
        ropers.append(f'    Ropemaker("{r.choice(FIRST)} {r.choice(LAST)}", "{r.choice(WALKS)}", {r.uniform(8, 30):.1f}, '
                      f"[{', '.join(str(r.randint(4, 12)) for _ in range(r.randint(2, 5)))}]),")
    ropers += ["]", "", "", "def shift_hours(maker: Ropemaker) -> int:", "    return sum(maker.shifts)", "", "",
               "def fathoms(maker: Ropemaker) -> float:", "    return shift_hours(maker) * maker.fathoms_per_hour", ""]
    for k in range(20):
        kind = k % 4
        ropers += ["", f"def walk_report_{k:02d}(makers: list[Ropemaker]) -> float:"]
        if kind == 0:
            ropers += ["    return sum(fathoms(m) for m in makers)"]
        elif kind == 1:  # fault: a str handed where a float goes
            ropers += [f'    bale = HempBale("{r.choice(GRADES)}", "{r.randint(90, 300)}", "{r.choice(WALKS)}")',
                       "    return bale_value(bale, 1.5) + len(makers)"]
        elif kind == 2:  # fault: an attribute the class lacks
            ropers += ["    return sum(m.fathoms_per_day for m in makers)"]
        else:
            ropers += [f'    return grade_factor("{r.choice(GRADES)}") * len(makers)']
        ropers.append("")
    kettles = ['"""Tar kettles: heat, pitch and the yarns tarred through them."""', "from __future__ import annotations", "",
               "from .ropemakers import ROSTER, Ropemaker, fathoms", "", "",
               "class TarKettleError(Exception):", "    pass", "", "",
               "class Kettle:", "    def __init__(self, name: str, litres: float, temp_c: float) -> None:",
               "        self.name = name", "        self.litres = litres", "        self.temp_c = temp_c", "",
               "    def heat(self, minutes: int) -> float:", "        self.temp_c += minutes * 1.8",
               "        if self.temp_c > 160:", '            raise TarKettleError(f"{self.name} boils over at {self.temp_c:.0f} C")',
               "        return self.temp_c", "", "    def ready(self) -> bool:", "        return 120 <= self.temp_c <= 150", "", "",
               "KETTLES = ["]
    kettles += [f'    Kettle("kettle {k}", {r.randint(200, 900)}.0, {r.randint(15, 60)}.0),' for k in range(1, 9)]
    kettles += ["]", "", "", "def tarred_fathoms(kettle: Kettle, makers: list[Ropemaker]) -> float:",
                "    if not kettle.ready():", "        return 0.0", "    return sum(fathoms(m) for m in makers) * kettle.litres / 1000", ""]
    for k in range(16):
        kettles += ["", f"def kettle_round_{k:02d}() -> float:", f"    k = KETTLES[{k % 8}]",
                    f"    k.heat({r.randint(20, 80)})"]
        kettles += ["    return tarred_fathoms(k, ROSTER)" if k % 3 else "    return tarred_fathoms(k.name, ROSTER)"]
        kettles.append("")
    tests = ["from hempgarth.hemp import HempBale, bale_value, grade_factor", "from hempgarth.ropemakers import ROSTER, shift_hours, fathoms",
             "from hempgarth.tarkettles import KETTLES, Kettle, TarKettleError, tarred_fathoms", "import pytest", ""]
    for k in range(30):
        t = k % 5
        tests += ["", f"def test_walk_case_{k:02d}():"]
        if t == 0:
            tests += [f"    assert grade_factor('{r.choice(GRADES)}') > 0"]
        elif t == 1:
            tests += [f"    assert shift_hours(ROSTER[{k}]) == {r.randint(10, 40)}"]
        elif t == 2:
            tests += [f"    k = Kettle('test kettle', 500.0, {r.randint(20, 100)}.0)", f"    assert k.heat({r.randint(10, 60)}) < 160"]
        elif t == 3:
            tests += [f"    assert bale_value(HempBale('{r.choice(GRADES)}', 100.0, 'north'), 2.0) == pytest.approx({r.randint(100, 260)}.0)"]
        else:
            tests += [f"    assert fathoms(ROSTER[{k % 30}]) > 0"]
        tests.append("")
    return {"pyproject.toml": '[project]\nname = "hempgarth"\nversion = "5.59.0"\n\n[tool.pyright]\ntypeCheckingMode = "basic"\n',
            "hempgarth/__init__.py": "", "hempgarth/hemp.py": "\n".join(hemp),
            "hempgarth/ropemakers.py": "\n".join(ropers), "hempgarth/tarkettles.py": "\n".join(kettles),
            "tests/test_walk.py": "\n".join(tests)}


def ts_project() -> dict[str, str]:
    r = random.Random(SEED + 1)
    kettle = ["export interface Kettle {", "  name: string;", "  litres: number;", "  tempC: number;", "  walk: Walk;", "}", "",
              "export type Walk = " + " | ".join(f"'{w}'" for w in WALKS) + ";", "",
              "export function heat(k: Kettle, minutes: number): number {", "  k.tempC += minutes * 1.8;",
              "  if (k.tempC > 160) {", "    throw new Error(`${k.name} boils over at ${k.tempC} C`);", "  }",
              "  return k.tempC;", "}", "", "export function ready(k: Kettle): boolean {",
              "  return k.tempC >= 120 && k.tempC <= 150;", "}", ""]
    for k in range(18):
        kettle += [f"export const kettle{k:02d}: Kettle = {{ name: 'kettle {k}', litres: {r.randint(200, 900)}, "
                   f"tempC: {r.randint(15, 60)}, walk: '{r.choice(WALKS)}' }};"]
    ropes = ["import { Kettle, heat, ready, Walk } from './kettle';", "", "export interface Rope {", "  maker: string;",
             "  fathoms: number;", "  strands: number;", "  tarred: boolean;", "}", ""]
    for k in range(24):
        t = k % 4
        ropes += [f"export function layRope{k:02d}(k: Kettle, maker: string): Rope {{"]
        if t == 0:
            ropes += [f"  heat(k, {r.randint(10, 60)});", f"  return {{ maker, fathoms: {r.randint(60, 240)}, strands: 3, tarred: ready(k) }};"]
        elif t == 1:  # fault: string where a number goes
            ropes += [f"  return {{ maker, fathoms: '{r.randint(60, 240)}', strands: 3, tarred: ready(k) }};"]
        elif t == 2:  # fault: a walk that is not a Walk
            ropes += [f"  const w: Walk = '{r.choice(['ropery', 'spinning', 'quay'])}';",
                      "  return { maker: maker + w, fathoms: 120, strands: 4, tarred: false };"]
        else:  # fault: property missing
            ropes += [f"  return {{ maker, fathoms: k.fathoms * {r.randint(2, 5)}, strands: 3 }};"]
        ropes += ["}", ""]
    return {"kettlehouse/package.json": json.dumps({"name": "kettlehouse", "version": "5.59.0", "private": True}, indent=2) + "\n",
            "kettlehouse/tsconfig.json": json.dumps({"compilerOptions": {"strict": True, "noEmit": True, "target": "es2022",
                                                                          "module": "commonjs"}, "include": ["src"]}, indent=2) + "\n",
            "kettlehouse/src/kettle.ts": "\n".join(kettle), "kettlehouse/src/ropes.ts": "\n".join(ropes)}


def tally_tree() -> dict[str, str]:
    r = random.Random(SEED + 2)
    files: dict[str, str] = {}
    for w in WALKS:
        for n in range(22):
            ext = r.choice([".csv"] * 6 + [".log"] * 3 + [".txt"])
            rows = [f"{w},{r.choice(FIRST)} {r.choice(LAST)},{r.choice(GRADES)},{r.randint(10, 400)} fathoms,"
                    f"tar {r.randint(90, 170)} C" for _ in range(r.randint(3, 9))]
            if r.random() < 0.3:
                rows.append(f"TODO recount {w} walk lot {n}: {r.randint(2, 30)} fathoms short")
            files[f"ropeyard_tally/{w}/lot_{n:02d}{ext}"] = "\n".join(rows) + "\n"
    files["ropeyard_tally/tarhouse/kettle_book.json"] = json.dumps({"kettles": 8, "seed": SEED}) + "\n"
    files["ropeyard_tally/README.md"] = "# Ropeyard tally\n\nOne file a lot, one folder a walk.\n"
    return files


# ------------------------------------------------------------------ the OpenCode run

SUB_MARK = "[rw559-sub-"


@dataclass(frozen=True)
class SubScript(Script):
    """The round's stub script: a task's subagent (its user text holds SUB_MARK + a letter) gets its own sub-script."""
    subs: tuple = ()

    def reply(self, conversation):  # type: ignore[override]
        for text in conversation.user_texts:
            if SUB_MARK in text:
                letter = text.split(SUB_MARK, 1)[1][:1]
                sub = Script(steps=dict(self.subs)[letter], title=self.title, name="sub-" + letter)
                return sub.reply(conversation)
        return Script.reply(self, conversation)


def quoting(sentence: str, tail: int):
    def f(conv) -> str:
        out = conv.last_tool_output.rstrip("\n").split("\n")
        return sentence + "\n\n" + "\n".join(out[-tail:])
    return f


def subs(root: Path) -> tuple:
    return (("A", (ToolCallStep("bash", {"command": "cd hempgarth && python -m pytest -q -p no:cacheprovider --color=no tests 2>&1 | tail -n 120",
                                         "description": "Run the hempgarth suite"}),
                   TextStep(quoting("I ran the hempgarth test suite; it fails. The end of its output:", 90)))),
            ("B", (ToolCallStep("grep", {"pattern": "TODO recount", "path": str(root / "ropeyard_tally")}),
                   TextStep(quoting("The recount notes in the ropeyard tally, as grep found them:", 400)))),
            ("C", (ToolCallStep("bash", {"command": "cd hempgarth/kettlehouse && tsc --noEmit -p . 2>&1 | head -n 80",
                                         "description": "Type-check kettlehouse"}),
                   TextStep(quoting("Type-checking kettlehouse reports errors:", 80)))),
            ("D", (ToolCallStep("bash", {"command": "cd hempgarth && pyright hempgarth 2>&1 | tail -n 150",
                                         "description": "Run pyright over hempgarth"}),
                   TextStep(quoting("pyright over hempgarth, the end of its report:", 150)))))


def todos(n: int, seed: int) -> list[dict]:
    r = random.Random(seed)
    verbs = ["Recount", "Re-tar", "Check hatchel teeth on", "Weigh", "Splice", "Inspect", "Log", "Fix the gauge of"]
    things = ["the north walk lots", "kettle 3", "the manila bales", "Obadiah's shift sheet", "the laying machine",
              "the hawser order for the quay", "the tow pile", "tarhouse thermometer", "the riga hemp invoice"]
    out = []
    for i in range(n):
        status = "completed" if i < n // 2 else "pending"
        out.append({"content": f"{r.choice(verbs)} {r.choice(things)} (lot {r.randint(1, 60)})", "status": status,
                    "priority": "medium", "id": str(i + 1)})
    out[n // 2]["status"] = "in_progress"
    out[r.randrange(n)]["priority"] = "high"
    out[r.randrange(n)]["status"] = "cancelled"
    return out


def specs(root: Path) -> list[tuple[Spec, object]]:
    py = root / "hempgarth" / "hempgarth"
    ts = root / "hempgarth" / "kettlehouse" / "src"
    hp = (py / "hemp.py").read_text()
    rp = (py / "ropemakers.py").read_text()
    kp = (py / "tarkettles.py").read_text()
    kt = (ts / "kettle.ts").read_text()
    rt = (ts / "ropes.ts").read_text()
    S: list[tuple[Spec, object]] = []

    def rd(path: Path):  # read before edit/write (OpenCode asks for it); not an item
        S.append((Spec(f"pre-read-{len(S)}", "", "", "read", {"filePath": str(path)}), None))

    def E(item: str, kind: str, path: Path, old: str, new: str, replace_all: bool = False):
        args = {"filePath": str(path), "oldString": old, "newString": new}
        if replace_all:
            args["replaceAll"] = True
        S.append((Spec(item, kind, "build", "edit", args), None))

    def W(item: str, path: Path, content: str):
        S.append((Spec(item, "oc-write-lsp", "build", "write", {"filePath": str(path), "content": content}), None))

    # reads first: they start the LSP servers early
    for p in (py / "hemp.py", py / "ropemakers.py", py / "tarkettles.py", ts / "kettle.ts", ts / "ropes.ts"):
        rd(p)
    # read's edges
    S.append((Spec("oc-read-dir-ropeyard-tally-north", "oc-read-directory", "listing", "read",
                   {"filePath": str(root / "hempgarth" / "ropeyard_tally" / "north")}), n_read_dir))
    S.append((Spec("oc-read-dir-usr-share-doc-parallel", "oc-read-directory", "listing", "read",
                   {"filePath": "/usr/share/doc/parallel"}), n_read_dir))
    S.append((Spec("oc-read-dir-python311-stdlib", "oc-read-directory", "listing", "read",
                   {"filePath": "/usr/lib/python3.11"}), n_read_dir))
    S.append((Spec("oc-read-dir-usr-share-doc", "oc-read-directory", "listing", "read",
                   {"filePath": "/usr/share/doc"}), n_read_dir))
    S.append((Spec("oc-read-dir-ropeyard-tally", "oc-read-directory", "listing", "read",
                   {"filePath": str(root / "hempgarth" / "ropeyard_tally")}), n_read_dir))
    S.append((Spec("oc-read-missing-kettles-py", "oc-read-missing", "log", "read",
                   {"filePath": str(py / "kettles.py")}), _ext("oc-read-missing")))
    S.append((Spec("oc-read-missing-rope-ts", "oc-read-missing", "log", "read",
                   {"filePath": str(ts / "rope.ts")}), _ext("oc-read-missing")))
    S.append((Spec("oc-read-past-end-ropemakers", "oc-read-past-end", "log", "read",
                   {"filePath": str(py / "ropemakers.py"), "offset": 4000}), _ext("oc-read-past-end")))
    S.append((Spec("oc-read-past-end-kettle-ts", "oc-read-past-end", "log", "read",
                   {"filePath": str(ts / "kettle.ts"), "offset": 900, "limit": 50}), _ext("oc-read-past-end")))
    # grep and glob past their limits
    tally = str(root / "hempgarth" / "ropeyard_tally")
    for item, args in (("oc-grep-cut-tally-fathoms", {"pattern": r"\d+ fathoms", "path": tally}),
                       ("oc-grep-cut-tally-tar-c", {"pattern": r"tar 1[0-9]{2} C", "path": tally, "include": "*.csv"}),
                       ("oc-grep-cut-hempgarth-def", {"pattern": r"def \w+|return ", "path": str(py)}),
                       ("oc-grep-cut-parallel-docs-env", {"pattern": r"\$PARALLEL_\w+|--(jobs|halt)\b",
                                                          "path": "/usr/share/doc/parallel"})):
        sp = Spec(item, "oc-grep-cut", "search", "grep", args)
        S.append((sp, oc_named("oc-grep-cut", "search", oc.needles_grep, sp)))
    for item, args in (("oc-glob-cut-tally-all", {"pattern": "**/*", "path": tally}),
                       ("oc-glob-cut-tally-csv", {"pattern": "**/*.csv", "path": tally}),
                       ("oc-glob-cut-usr-share-parallel", {"pattern": "**/*", "path": "/usr/share/doc/parallel"}),
                       ("oc-glob-cut-python311-email-py", {"pattern": "**/*.py", "path": "/usr/lib/python3.11"})):
        sp = Spec(item, "oc-glob-cut", "listing", "glob", args)
        S.append((sp, oc_named("oc-glob-cut", "listing", oc.needles_glob, sp)))
    # webfetch of two large pages, three formats each
    for name, page in (("privoxy-actions-file", "privoxy/actions-file.html"),
                       ("parallel-alternatives", "parallel/parallel_alternatives.html")):
        for fmt, short in (("markdown", "md"), ("text", "text"), ("html", "html")):
            sp = Spec(f"oc-webfetch-{short}-large-{name}", f"oc-webfetch-{fmt}-large", "doc", "webfetch",
                      {"url": "{BASE}/" + page, "format": fmt}, source=page)
            S.append((sp, webfetch_ext(fmt, sp)))
    # todowrite
    for item, n, sd in (("oc-todowrite-walk-14", 14, SEED + 10), ("oc-todowrite-walk-22", 22, SEED + 11),
                        ("oc-todowrite-walk-34", 34, SEED + 12), ("oc-todowrite-walk-18", 18, SEED + 13),
                        ("oc-todowrite-walk-46", 46, SEED + 14)):
        S.append((Spec(item, "oc-todowrite", "json", "todowrite", {"todos": todos(n, sd)}), n_todo))
    # task subagents
    for item, letter, what in (("oc-task-pytest-hempgarth", "A", "Run the hempgarth tests and report the failures"),
                               ("oc-task-grep-recount", "B", "Find the recount notes in the ropeyard tally"),
                               ("oc-task-tsc-kettlehouse", "C", "Type-check kettlehouse and report"),
                               ("oc-task-pyright-hempgarth", "D", "Run pyright over hempgarth and report")):
        S.append((Spec(item, "oc-task-result", "log", "task",
                       {"description": what, "prompt": f"{what}. {SUB_MARK}{letter}]", "subagent_type": "general"}), n_task))
    # edits that put type errors in, edit failures, writes
    E("oc-edit-lsp-hemp-grade-factor-str", "oc-edit-lsp", py / "hemp.py",
      "def grade_factor(grade: str) -> float:\n    \"\"\"The factor of a grade; unknown grades are worth nothing.\"\"\"\n    return GRADE_FACTOR.get(grade, 0.0)",
      "def grade_factor(grade: str) -> float:\n    \"\"\"The factor of a grade; unknown grades are worth nothing.\"\"\"\n    return str(GRADE_FACTOR.get(grade, 0.0))")
    E("oc-edit-lsp-ropemakers-shifts-rename", "oc-edit-lsp", py / "ropemakers.py", "shifts", "shift_list", True)
    E("oc-edit-lsp-ropemakers-fathoms-sig", "oc-edit-lsp", py / "ropemakers.py",
      "def fathoms(maker: Ropemaker) -> float:", "def fathoms(maker: Ropemaker, walk: str) -> float:")
    E("oc-edit-lsp-tarkettles-heat-none", "oc-edit-lsp", py / "tarkettles.py",
      "    def heat(self, minutes: int) -> float:", "    def heat(self, minutes: int, lid: bool) -> None:")
    E("oc-edit-lsp-kettle-ts-tempc", "oc-edit-lsp", ts / "kettle.ts", "  tempC: number;", "  tempC: string;")
    E("oc-edit-lsp-ropes-ts-strands", "oc-edit-lsp", ts / "ropes.ts", "  strands: number;\n  tarred: boolean;",
      "  strands: number;\n  tarred: boolean;\n  kettle: Kettle;")
    E("oc-edit-error-not-found-hemp", "oc-edit-error-not-found", py / "hemp.py",
      "def bale_value(bale: HempBale, price: float) -> float:", "def bale_value(bale: HempBale, price: float = 1.0) -> float:")
    E("oc-edit-error-not-found-kettle-ts", "oc-edit-error-not-found", ts / "kettle.ts",
      "export function cool(k: Kettle): number {", "export function cool(k: Kettle, by = 10): number {")
    E("oc-edit-error-multiple-ropemakers", "oc-edit-error-multiple", py / "ropemakers.py",
      "    return sum(m.fathoms_per_day for m in makers)", "    return sum(m.fathoms_per_hour for m in makers)")
    E("oc-edit-error-multiple-ropes-ts", "oc-edit-error-multiple", ts / "ropes.ts", "strands: 3, tarred: ready(k) };",
      "strands: 4, tarred: ready(k) };")
    W("oc-write-lsp-new-walk-ledger-py", py / "walk_ledger.py",
      '"""The walk ledger: fathoms laid and tar used per walk."""\nfrom .ropemakers import ROSTER, fathoms, shift_hours\n'
      "from .tarkettles import KETTLES, tarred_fathoms\n\n\n"
      + "".join(f"def ledger_{w}() -> dict[str, float]:\n    makers = [m for m in ROSTER if m.walk == '{w}']\n"
                f"    return {{'fathoms': sum(fathoms(m) for m in makers), 'hours': shift_hours(makers), "
                f"'tar': tarred_fathoms(KETTLES[{i}], makers).litres}}\n\n\n" for i, w in enumerate(WALKS)))
    W("oc-write-lsp-replace-hemp-py", py / "hemp.py", "\n".join(
        ln for ln in hp.split("\n") if "grade_factor(bale.grade)" not in ln).replace(
        "def bale_value(bale: HempBale, price_per_kg: float) -> float:", "def bale_value(bale: HempBale) -> float:\n    return bale.weight_kg"))
    W("oc-write-lsp-new-tar-ts", ts / "tar.ts",
      "import { Kettle, heat } from './kettle';\nimport { Rope, layRope00 } from './ropes';\n\n"
      + "".join(f"export function tarRun{k:02d}(k: Kettle): Rope {{\n  const t: number = heat(k, '{10 + k}');\n"
                f"  return layRope00(k, t);\n}}\n\n" for k in range(14)))
    W("oc-write-lsp-replace-kettle-ts", ts / "kettle.ts", kt.replace("export function ready", "export function isReady"))
    E("oc-edit-lsp-hemp-weight-str", "oc-edit-lsp", py / "hemp.py", "    weight_kg: float", "    weight_kg: str")
    E("oc-edit-lsp-ropes-ts-fathoms-string", "oc-edit-lsp", ts / "ropes.ts", "  fathoms: number;", "  fathoms: string;")
    E("oc-edit-lsp-tar-ts-kettle-import", "oc-edit-lsp", ts / "tar.ts", "import { Kettle, heat } from './kettle';",
      "import { Kettle, heat, ready } from './kettle';")
    del rp, kp, rt
    return S


def _ext(kind: str):
    fn = _all_lines
    return cm.named(kind, "log", "every non-empty line of the tool error (path, counts, suggestions)", fn)


def opencode(tmp: Path) -> None:
    root = tmp / "oc" / "work"
    proj = root / "hempgarth"
    write_tree(proj, {**py_project(), **ts_project(), **tally_tree()})
    run(f"ln -s {JS}/node_modules {proj}/kettlehouse/node_modules && ln -s {JS}/node_modules {root}/node_modules")
    # OpenCode's project directory is root; hempgarth and kettlehouse sit in it
    (root / "hempgarth").mkdir(exist_ok=True)
    serve = tmp / "docs"
    serve.mkdir()
    for name, path in PAGES.items():
        os.symlink(path, serve / name)
    oc.DOC_SERVE_DIR = str(serve)
    handler = functools.partial(oc._QuietHandler, directory=str(serve))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 28559), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    base = "http://127.0.0.1:28559"
    orig_env, orig_script, orig_stub = oc.opencode_env, oc.Script, oc.StubServer

    def env(t: Path, work: Path, stub_url: str) -> dict:
        e = orig_env(t, work, stub_url)
        e["PATH"] = f"{VENV}/bin:{JS}/node_modules/.bin:" + e["PATH"]
        e["OPENCODE_DISABLE_LSP_DOWNLOAD"] = "1"
        conf = json.loads(e["OPENCODE_CONFIG_CONTENT"])
        conf["lsp"] = True  # 1.18.33 starts no LSP server without it ("all LSPs are disabled")
        e["OPENCODE_CONFIG_CONTENT"] = json.dumps(conf)
        e["COLUMNS"] = "120"
        return e
    S = specs(root)
    sub = subs(proj)
    oc.opencode_env = env
    oc.Script = lambda steps, title, name: SubScript(steps=steps, title=title, name=name, subs=sub)
    oc.StubServer = functools.partial(orig_stub, port=38559)
    oc.RUN_TIMEOUT = 900
    # the subagent's bash runs from the project directory; hempgarth holds the suite
    try:
        captured = oc.run_opencode(tmp / "oc", [s for s, _ in S], base)
    finally:
        oc.opencode_env, oc.Script, oc.StubServer = orig_env, orig_script, orig_stub
        server.shutdown()
        server.server_close()
    exts = {s.id: e for s, e in S}
    lsp = {"oc-edit-lsp": n_edit_lsp, "oc-write-lsp": n_write_lsp}
    errs = {k: _ext(k) for k in ("oc-edit-error-not-found", "oc-edit-error-multiple")}
    for spec, sent, text, is_error in captured:
        if spec.id.startswith("pre-read-"):
            continue
        ext = exts[spec.id] or lsp.get(spec.kind) or errs.get(spec.kind)
        command = dict(sent)
        if "url" in command:
            command["url"] = command["url"].replace(base, "http://127.0.0.1:PORT")
        note(f"{spec.id}: is_error={is_error} {len(text)} chars: {text[:160]!r}")
        add(spec.id, json.dumps(command, sort_keys=True, ensure_ascii=False), text, ext, tool=spec.tool)


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: [opencode], ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide559", sys.modules["__main__"])
    main()
