#!/usr/bin/env python3
"""Round 580: formatters and fast linters in check mode, in output shapes new to the corpus, on a tannery
(`tanyard`, seed 58010: lime pits, bark pits, hides, curriers): biome lint / format / ci (github reporter) /
lint --reporter=json, oxlint -f unix / json / github, prettier --list-different, cargo fmt --check, gofmt -l,
ruff format --diff / --check, markdownlint-cli2, sqlfluff lint --format json / github-annotation-native.
The rules are NEEDLES.md's round 580 section, written before the capture; each kind's extractor below states it.

Usage:   .venv/bin/python scripts/corpus/capture_wide580.py
Writes:  scripts/corpus/data/wide580.json, ids prefixed "wide580-".
Tools:   npm @biomejs/biome, oxlint, prettier, markdownlint-cli2 in /dev/shm/hm-corpus-wide580/js; PyPI ruff and
         sqlfluff in /dev/shm/hm-corpus-wide580/venv (made once); the machine's cargo (rustfmt), gofmt and jq.
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_data import any_of  # noqa: E402

ROOT = Path("/dev/shm/hm-corpus-wide580")
TMP = Path("/dev/shm/hm-corpus-wide580-run")
JS = ROOT / "js"
VENV = ROOT / "venv"
OUT = HERE / "data" / "wide580.json"
SEED = 58010
S = cm.Sized(400, 120_000)

# ================================================================== extractors (NEEDLES.md, round 580)

BIOME_HDR = re.compile(r"^(\S+?)(?::(\d+):(\d+))?\s+([a-z][\w/.-]*)\b.*━")
BIOME_MARK = re.compile(r"^\s*([×✖!⚠iℹ])\s+\S")
BIOME_SUMMARY = re.compile(r"^\s*(Checked \d+ files?|Found \d+ (errors?|warnings?|infos?)\b)|Diagnostics not shown: \d+")


def _biome_diags(lines):
    """(header index, path, category, mark, message index) of every biome diagnostic."""
    for i, ln in enumerate(lines):
        m = BIOME_HDR.match(ln)
        if not m:
            continue
        mark, mi = None, None
        for k in range(i + 1, min(len(lines), i + 7)):
            mm = BIOME_MARK.match(lines[k])
            if mm:
                mark, mi = mm.group(1), k
                break
        yield i, m.group(1), m.group(4), mark, mi


@cm.kind("biome-lint", "lint")
def n_biome_lint(lines):
    """errors: header + × line; warnings/infos one any of headers per (category, file); other × lines; closing lines"""
    out, grp, used = [], {}, set()
    for i, path, cat, mark, mi in _biome_diags(lines):
        if mark in ("×", "✖"):
            out += [lines[i], lines[mi]]
            used.add(mi)
        else:
            grp.setdefault((cat, path), []).append(lines[i])
            if mi is not None:
                used.add(mi)
    out += [any_of(v) for v in grp.values()]
    for k, ln in enumerate(lines):
        if k not in used and re.match(r"^\s*[×✖]\s+\S", ln):
            out.append(ln)
        if BIOME_SUMMARY.search(ln):
            out.append(ln)
    return out


@cm.kind("biome-format", "lint")
def n_biome_format(lines):
    """every diagnostic header (format: a file not formatted; other: a parse error), every × line, closing lines"""
    out = []
    for i, path, cat, mark, mi in _biome_diags(lines):
        out.append(lines[i])
    for ln in lines:
        if re.match(r"^\s*[×✖]\s+\S", ln) or BIOME_SUMMARY.search(ln):
            out.append(ln)
    return out


GH = re.compile(r"^::(error|warning|notice)\b([^:]*)::(.*)$")
GH_COUNT = re.compile(r"Checked \d+ files?|Found \d+|\d+ problems?|Found \d+ warnings? and \d+ errors?")


def n_github(lines):
    """every ::error line; ::warning/::notice one any per (title or rule, file); other 'error' lines; count lines"""
    out, grp = [], {}
    for ln in lines:
        m = GH.match(ln)
        if m:
            params = dict(p.split("=", 1) for p in m.group(2).strip().split(",") if "=" in p)
            if m.group(1) == "error":
                out.append(ln)
                continue
            rule = params.get("title")
            if not rule:
                t = re.match(r"\s*([A-Za-z][\w-]*\([^)]*\)|[A-Z]+\d+)[:\s]", m.group(3))
                rule = t.group(1) if t else ""
            grp.setdefault((rule, params.get("file", "")), []).append(ln)
            continue
        if "error" in ln.lower():
            out.append(ln)
        if GH_COUNT.search(ln):
            out.append(ln)
    out += [any_of(v) for v in grp.values()]
    return out


n_biome_github = cm.named("biome-github", "lint", n_github.__doc__, n_github)
n_oxlint_github = cm.named("oxlint-github", "lint", n_github.__doc__, n_github)
n_sqlfluff_github = cm.named("sqlfluff-github", "lint", n_github.__doc__, n_github)

FILE_KEYS = ("file", "filename", "filepath", "path")
MSG_KEYS = ("description", "message")
CODE_KEYS = ("category", "code", "severity", "rule")


def _dfs_file(o):
    if isinstance(o, dict):
        for k, v in o.items():
            if k in FILE_KEYS and isinstance(v, str):
                return k, v
            r = _dfs_file(v)
            if r:
                return r
    elif isinstance(o, list):
        for v in o:
            r = _dfs_file(v)
            if r:
                return r
    return None


def _kv_line(lines, key, val, indent=None):
    """The cleaned line holding `"key": <val>` as jq prints it (exact form first, then by the key and value)."""
    dumped = json.dumps(val, ensure_ascii=False)
    want = f'"{key}": {dumped}'
    for ln in lines:
        if want in ln and (indent is None or ln.startswith(" " * indent + '"')):
            return ln
    for ln in lines:
        s = ln.strip()
        if s.startswith(f'"{key}":') and (indent is None or len(ln) - len(ln.lstrip()) == indent):
            if isinstance(val, str) and val[:40] not in s:
                continue
            return ln
    return None


def n_json_diag(lines):
    """errors: the message line and the file line; others one any of message lines per (code, file); count lines"""
    text = "\n".join(lines)
    starts = [p for p in (text.find("{"), text.find("[")) if p >= 0]
    data = json.loads(text[min(starts):])
    out, grp = [], {}

    def walk(o, ancestors):
        if isinstance(o, dict):
            msgk = next((k for k in MSG_KEYS if isinstance(o.get(k), str)), None)
            if msgk and any(k in o for k in CODE_KEYS):
                f = _dfs_file(o)
                if not f:
                    for a in reversed(ancestors):
                        f = next(((k, a[k]) for k in FILE_KEYS if isinstance(a.get(k), str)), None)
                        if f:
                            break
                lvl = o.get("severity", o.get("level"))
                if not isinstance(lvl, str):
                    lvl = "warning" if o.get("warning") is True else "error"
                mline = _kv_line(lines, msgk, o[msgk])
                if lvl.lower() in ("error", "fatal"):
                    out.append(mline)
                    if f:
                        out.append(_kv_line(lines, *f))
                else:
                    code = next((o[k] for k in ("category", "code", "rule") if k in o), "")
                    grp.setdefault((json.dumps(code), f[1] if f else ""), []).append(mline)
            for v in o.values():
                walk(v, ancestors + [o])
        elif isinstance(o, list):
            for v in o:
                walk(v, ancestors)

    walk(data, [])
    out += [any_of([m for m in v if m]) for v in grp.values()]
    if isinstance(data, dict):
        for k, v in data.items():
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                out.append(_kv_line(lines, k, v, indent=2))
        summ = data.get("summary")
        if isinstance(summ, dict):
            for k, v in summ.items():
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    out.append(_kv_line(lines, k, v, indent=4))
    return out


n_biome_json = cm.named("biome-json", "json", n_json_diag.__doc__, n_json_diag)
n_oxlint_json = cm.named("oxlint-json", "json", n_json_diag.__doc__, n_json_diag)
n_sqlfluff_json = cm.named("sqlfluff-json", "json", n_json_diag.__doc__, n_json_diag)

OX_UNIX = re.compile(r"^(\S+):(\d+):(\d+): (.*) \[(Error|Warning)(?:/([^\]]*))?\]$")


@cm.kind("oxlint-unix", "lint")
def n_oxlint_unix(lines):
    """every [Error/rule] line; [Warning/rule] lines one any per (rule, file); the closing N problems line"""
    out, grp = [], {}
    for ln in lines:
        m = OX_UNIX.match(ln)
        if m:
            if m.group(5) == "Error":
                out.append(ln)
            else:
                grp.setdefault((m.group(6), m.group(1)), []).append(ln)
        elif re.search(r"\d", ln) and re.search(r"problem|error|warning", ln, re.I):
            out.append(ln)
    return out + [any_of(v) for v in grp.values()]


@cm.kind("prettier-list-different", "lint")
def n_prettier_ld(lines):
    """every listed path; every [error] line, with its location line within six when it carries none"""
    out = []
    loc = r"(:\d+:\d+|\(\d+:\d+\))"
    for i, ln in enumerate(lines):
        if re.match(r"^[^\s\[]+\.\w+$", ln):
            out.append(ln)
        elif ln.startswith("[error]"):
            out.append(ln)
            if not re.search(loc, ln):
                out.append(cm.next_match(lines, i, loc))
    return out


@cm.kind("cargo-fmt-check", "lint")
def n_cargo_fmt(lines):
    """every 'Diff in <path>:<line>:' line; every line starting 'error' and its --> line within six"""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^Diff in .*(:\d+:| at line \d+:)$", ln):
            out.append(ln)
        elif ln.startswith("error"):
            out.append(ln)
            out.append(cm.next_match(lines, i, r"^\s*--> "))
    return out


@cm.kind("gofmt-l", "lint")
def n_gofmt_l(lines):
    """every listed path; every error line path:L:C: message"""
    return [ln for ln in lines if re.match(r"^\S+\.go$", ln) or re.match(r"^\S+:\d+:\d+: ", ln)]


RUFF_COUNT = re.compile(r"\d+ files? (would be reformatted|already formatted|left unchanged|reformatted)")


@cm.kind("ruff-format-diff", "lint")
def n_ruff_diff(lines):
    """every ---/+++ file header, every @@ hunk header, every error: line, the closing count line"""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("--- ") and i + 1 < len(lines) and lines[i + 1].startswith("+++ "):
            out += [ln, lines[i + 1]]
        elif re.match(r"^@@ .* @@", ln) or "error:" in ln or RUFF_COUNT.search(ln):
            out.append(ln)
    return out


@cm.kind("ruff-format-check", "lint")
def n_ruff_check(lines):
    """every 'Would reformat: path' line, every error: line, the closing count line; (amended after the first run)
    every 'path:L:C: unformatted:' line and the --> line within six of every 'unformatted:' header"""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("Would reformat: ") or "error:" in ln or RUFF_COUNT.search(ln):
            out.append(ln)
        elif re.match(r"^\S+:\d+:\d+: unformatted:", ln):
            out.append(ln)
        elif ln.startswith("unformatted:"):
            out.append(cm.next_match(lines, i, r"^\s*--> "))
    return out


MDL = re.compile(r"^(\S+?):(\d+)(?::(\d+))?\s+(?:\w+\s+)?(MD\d{3})\b")


@cm.kind("markdownlint-cli2", "lint")
def n_mdl2(lines):
    """one any per (rule code, file) of findings; non-finding 'Error' lines; the Summary: and Linting: lines"""
    out, grp = [], {}
    for ln in lines:
        m = MDL.match(ln)
        if m:
            grp.setdefault((m.group(4), m.group(1)), []).append(ln)
        elif "Error" in ln or re.match(r"^(Summary: \d+ error|Linting: \d+ file)", ln):
            out.append(ln)
    return out + [any_of(v) for v in grp.values()]


# ================================================================== material: a tannery

PITS = ["lime", "bark", "handler", "layaway", "drench", "bate", "pickle", "tan", "sammy", "scud"]
HIDES = ["ox", "cow", "calf", "kip", "horse", "goat", "sheep", "buffalo", "deer", "pig"]
TRADES = ["currier", "beamster", "shaver", "splitter", "setter", "stainer", "glazer", "fleshings", "tanner"]
TOOLS = ["scudder", "slicker", "sleeker", "fleshing-knife", "unhairing-beam", "stretcher", "whitening-knife"]


def ident(rng, parts):
    a = rng.choice(parts).replace("-", "_")
    return a + rng.choice(["Pit", "Hide", "Bench", "Vat", "Stock", "Batch", "Lot"]) + str(rng.randint(1, 99))


def js_module(rng, i, broken=False):
    name = ident(rng, PITS + HIDES)
    lines = []
    if rng.random() < 0.6:
        lines.append(f'import {{ weigh{rng.randint(1, 9)} }} from "./scales.js";')
    if rng.random() < 0.4:
        lines.append("import fs from 'fs'")
    lines.append(f"var DEPTH_{i} = {rng.randint(2, 9)}")
    lines.append(f"const PITS_{i} = {{lime: 1, bark: 2, {rng.choice(['lime', 'bark', 'drench'])}: 3}};")
    for f in range(rng.randint(3, 7)):
        fn = f"{rng.choice(['soak', 'flesh', 'unhair', 'bate', 'tan', 'curry', 'shave', 'split'])}{name}_{f}"
        body = []
        faults = rng.sample(["eqeq", "unused", "debugger", "empty", "selfcmp", "unreach", "longline", "quote",
                             "spacing", "nosemi", "assign", "dupcase", "var"], rng.randint(2, 5))
        if "unused" in faults:
            body.append(f"  let spare{f} = {rng.randint(1, 50)};")
        if "var" in faults:
            body.append(f"  var count = hide.count")
        if "eqeq" in faults:
            body.append(f"  if (hide.weight == null) {{ return 0; }}")
        if "debugger" in faults:
            body.append("  debugger;")
        if "empty" in faults:
            body.append("  if (days > DEPTH_%d) {\n  }" % i)
        if "selfcmp" in faults:
            body.append("  if (days === days) { days = days + 1; }")
        if "assign" in faults:
            body.append("  let pit;\n  if ((pit = hide.pit)) { hide.pit = pit; }")
        if "dupcase" in faults:
            body.append("  switch (hide.grade) {\n    case 1: days += 1; break;\n    case 1: days += 2; break;\n  }")
        if "longline" in faults:
            body.append("  const note = [" + ", ".join(f"'{rng.choice(TRADES)}-{k}'" for k in range(14)) + "];")
        if "quote" in faults:
            body.append("  const trade = '%s';" % rng.choice(TRADES))
        if "spacing" in faults:
            body.append("  const   tally=hide.weight*days+  DEPTH_%d ;" % i)
        ret = "  return hide.weight * days" + ("" if "nosemi" in faults else ";")
        body.append(ret)
        if "unreach" in faults:
            body.append("  console.log(\"unreachable\");")
        lines.append(f"export function {fn}(hide, days) {{\n" + "\n".join(body) + "\n}")
    if broken:
        lines.append(f"export function broken{name}(hide, {{\n  return hide.;\n")
    return "\n".join(lines) + "\n"


def js_tree(root: Path, n: int, seed: int, broken: int = 1) -> None:
    rng = random.Random(seed)
    files = {"package.json": '{"name": "tanyard", "version": "1.0.0", "type": "module"}\n',
             "src/scales.js": "export function weigh1(h) { return h.weight }\n"}
    for i in range(n):
        sub = rng.choice(["pits", "hides", "curriers", "benches"])
        files[f"src/{sub}/{rng.choice(PITS + HIDES)}_{i:03d}.js"] = js_module(rng, i, broken=i < broken)
    cm.write_tree(root, files)


def py_module(rng, i, broken=False):
    out = [f"import os,sys\nfrom typing import Dict,List\nDEPTH_{i}={rng.randint(2, 9)}\n"]
    for f in range(rng.randint(2, 6)):
        name = f"{rng.choice(['soak', 'flesh', 'tan', 'curry'])}_{rng.choice(HIDES)}_{f}"
        style = rng.randint(0, 3)
        if style == 0:
            out.append(f"def {name}( hide,days = {rng.randint(1, 9)} ):\n  return hide['weight']*days\n")
        elif style == 1:
            out.append(f"def {name}(hide, days):\n    pits = {{'lime':1,'bark':2, 'drench' :3}}\n"
                       f"    return [pits[p]*days for p in pits if p!='lime' and hide.get(p)!=None and days>0 and "
                       f"hide.get('grade')in ('A','B','C')]\n")
        elif style == 2:
            out.append(f"class {name.title().replace('_', '')}Pit :\n    def __init__(self,depth):\n"
                       f"        self.depth=depth\n    def drain(self) :\n        return self.depth-1\n")
        else:
            out.append(f"def {name}(hide, days):\n    return hide[\"weight\"] * days\n\n\n")
    if broken:
        out.append("def broken(hide:\n    return hide\n")
    return "\n".join(out)


def py_tree(root: Path, n: int, seed: int, clean: int = 0, broken: int = 1) -> None:
    rng = random.Random(seed)
    files = {}
    for i in range(n):
        sub = rng.choice(["pits", "hides", "curriers"])
        body = py_module(rng, i, broken=i < broken)
        if i >= n - clean:
            body = f'"""Clean module {i}."""\n\nDEPTH = {i}\n'
        files[f"tanyard/{sub}/{rng.choice(PITS)}_{i:03d}.py"] = body
    cm.write_tree(root, files)


def rs_tree(root: Path, n: int, seed: int, broken: bool) -> None:
    rng = random.Random(seed)
    mods = [f"{rng.choice(PITS)}_{i:02d}" for i in range(n)]
    files = {"Cargo.toml": '[package]\nname = "tanyard"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n',
             "src/lib.rs": "".join(f"pub mod {m};\n" for m in mods)}
    for k, m in enumerate(mods):
        parts = [f"pub struct {m.title().replace('_', '')}{{ pub depth:u32,pub hides : Vec<String> }}\n"]
        for f in range(rng.randint(2, 5)):
            parts.append(f"pub fn soak_{f}(depth:u32,days : u32)->u32{{ if depth>{rng.randint(1, 9)} {{ return depth*days }}"
                         f" else {{ depth+days }} }}\n")
            parts.append(f"pub fn hides_{f}() -> Vec<&'static str> {{ vec![\"{rng.choice(HIDES)}\",\"{rng.choice(HIDES)}\","
                         f"\"{rng.choice(HIDES)}\", \"{rng.choice(HIDES)}\", \"{rng.choice(HIDES)}\", \"{rng.choice(HIDES)}\"] }}\n")
        if broken and k == 1:
            parts.append("pub fn broken( -> u32 { 1 }\n")
        files[f"src/{m}.rs"] = "\n".join(parts)
    cm.write_tree(root, files)


def go_tree(root: Path, n: int, seed: int, broken: bool) -> None:
    rng = random.Random(seed)
    files = {"go.mod": "module example.com/tanyard\n\ngo 1.19\n"}
    for i in range(n):
        sub = rng.choice(["pits", "hides", "curriers", "benches"])
        body = f"package {sub}\n\nimport \"fmt\"\n\n"
        if rng.random() < 0.75:
            body += f"func Soak{i}(depth int,days int) int{{\n  if(depth>{rng.randint(1, 9)}){{ return depth*days }}\n" \
                    f"    fmt.Println( \"{rng.choice(HIDES)}\" )\n  return days\n}}\n"
        else:
            body += f"func Soak{i}(depth int, days int) int {{\n\tfmt.Println(\"{rng.choice(HIDES)}\")\n\treturn depth * days\n}}\n"
        if broken and i == 2:
            body += "func Broken( {\n"
        files[f"internal/{sub}/{rng.choice(PITS)}_{rng.choice(HIDES)}_{i:03d}.go"] = body
    cm.write_tree(root, files)


def md_doc(rng, i):
    t = [f"# {rng.choice(PITS).title()} pit handbook {i}\n"]
    if rng.random() < 0.5:
        t.append(f"### Skipped level for {rng.choice(HIDES)} hides\n")
    t.append(f"## Soaking\nThe {rng.choice(HIDES)} hides go to the {rng.choice(PITS)} pit for {rng.randint(2, 20)} days.   \n")
    if rng.random() < 0.6:
        t.append("\n\n\n")
    t.append("* lime the hides\n- flesh them on the beam\n* bate in the drench\n")
    if rng.random() < 0.5:
        t.append("See http://tanyard.example/handbook for the currier's notes.\n")
    t.append("## Soaking\n" + " ".join(rng.choice(TRADES + TOOLS) for _ in range(40)) + "\n")
    if rng.random() < 0.4:
        t.append("\tindented with a hard tab\n")
    t.append("```\nscud --pit lime\n```\n")
    if rng.random() < 0.3:
        t.append("<b>Raw html</b> for the glazer\n")
    return "\n".join(t)


def md_tree(root: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    cm.write_tree(root, {f"docs/{rng.choice(TRADES)}_{i:03d}.md": md_doc(rng, i) for i in range(n)})


def sql_model(rng, i):
    pit, hide = rng.choice(PITS), rng.choice(HIDES)
    v = rng.randint(0, 2)
    if v == 0:
        return (f"select id,{pit}_days , weight\nFROM {hide}_hides\nwhere weight>{rng.randint(5, 40)} and "
                f"pit = '{pit}'   \norder by 1\n")
    if v == 1:
        return (f"SELECT h.id, c.name as currier, SUM(h.weight) total\nfrom {hide}_hides h join curriers c on "
                f"h.currier_id=c.id\nGROUP BY h.id, c.name\n")
    return (f"with lots as (select * from {pit}_lots)\nselect lots.*, DISTINCT(grade) from lots\n"
            f"  where days<>{rng.randint(1, 9)}\n")


def sql_tree(root: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    files = {".sqlfluff": "[sqlfluff]\ndialect = ansi\n"}
    for i in range(n):
        files[f"models/{rng.choice(PITS)}_{rng.choice(HIDES)}_{i:03d}.sql"] = sql_model(rng, i)
    cm.write_tree(root, files)


# ================================================================== steps

def ensure_tools():
    cm.install_npm(JS, "@biomejs/biome", ["@biomejs/biome", "oxlint", "prettier", "markdownlint-cli2"])
    cm.install_venv(VENV, "sqlfluff", ["ruff", "sqlfluff"])
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


def js_step(tmp: Path):
    for tag, n, seed, md in (("t", 2, SEED + 3, 20), ("s", 6, SEED, 40), ("m", 12, SEED + 1, 60)):
        d = tmp / f"js-{tag}"
        js_tree(d, n, seed, broken=1 if tag == "m" else 0)
        S.cap(f"biome-lint-{tag}", f"biome lint --max-diagnostics={md} src", d, n_biome_lint)
        S.cap(f"biome-format-{tag}", f"biome format --max-diagnostics={md // 4} src", d, n_biome_format)
        S.cap(f"biome-github-{tag}", f"biome ci --reporter=github --max-diagnostics={md} src", d, n_biome_github)
        S.cap(f"biome-json-{tag}", f"biome lint --reporter=json --max-diagnostics={md} src 2>/dev/null | jq .", d,
              n_biome_json)
        S.cap(f"oxlint-unix-{tag}", "oxlint -f unix -W suspicious src", d, n_oxlint_unix)
        S.cap(f"oxlint-json-{tag}", "oxlint -f json src 2>/dev/null | jq .", d, n_oxlint_json)
        S.cap(f"oxlint-github-{tag}", "oxlint -f github -W pedantic src", d, n_oxlint_github)
        S.cap(f"prettier-ld-{tag}", "prettier --list-different .", d, n_prettier_ld)
    d = tmp / "js-l"
    js_tree(d, 60, SEED + 2, broken=2)
    S.cap("prettier-ld-l", "prettier --list-different .", d, n_prettier_ld)
    S.cap("oxlint-unix-l", "oxlint -f unix src", d, n_oxlint_unix)


def py_step(tmp: Path):
    for tag, n, seed, clean in (("s", 8, SEED + 10, 2), ("m", 40, SEED + 11, 8), ("l", 100, SEED + 12, 30)):
        d = tmp / f"py-{tag}"
        py_tree(d, n, seed, clean=clean, broken=0 if tag == "s" else 1)
        if tag != "l":
            S.cap(f"ruff-format-diff-{tag}", "ruff format --diff --no-cache .", d, n_ruff_diff)
        S.cap(f"ruff-format-check-{tag}", "ruff format --check --no-cache .", d, n_ruff_check)
    d = tmp / "py-c"
    py_tree(d, 160, SEED + 14, clean=40, broken=3)
    S.cap("ruff-format-check-concise", "ruff format --check --no-cache --output-format=concise .", d, n_ruff_check)
    d = tmp / "py-d"
    py_tree(d, 70, SEED + 13, clean=5, broken=2)
    S.cap("ruff-format-diff-l", "ruff format --diff --no-cache tanyard/pits tanyard/hides", d, n_ruff_diff)


def rs_step(tmp: Path):
    for tag, n, seed, broken in (("s", 4, SEED + 20, False), ("m", 12, SEED + 21, False), ("l", 40, SEED + 22, False)):
        d = tmp / f"rs-{tag}"
        rs_tree(d, n, seed, broken)
        S.cap(f"cargo-fmt-check-{tag}", "cargo fmt --check", d, n_cargo_fmt)


def go_step(tmp: Path):
    for tag, n, seed, broken in (("s", 30, SEED + 30, False), ("m", 50, SEED + 31, True), ("l", 150, SEED + 32, True)):
        d = tmp / f"go-{tag}"
        go_tree(d, n, seed, broken)
        S.cap(f"gofmt-l-{tag}", "gofmt -l .", d, n_gofmt_l)


def md_step(tmp: Path):
    for tag, n, seed in (("s", 4, SEED + 40), ("m", 25, SEED + 41), ("l", 45, SEED + 42)):
        d = tmp / f"md-{tag}"
        md_tree(d, n, seed)
        S.cap(f"markdownlint-cli2-{tag}", 'markdownlint-cli2 "docs/**/*.md"', d, n_mdl2)


def sql_step(tmp: Path):
    for tag, n, seed in (("t", 2, SEED + 52), ("s", 4, SEED + 50), ("m", 24, SEED + 51)):
        d = tmp / f"sql-{tag}"
        sql_tree(d, n, seed)
        if tag != "m":
            S.cap(f"sqlfluff-json-{tag}", "sqlfluff lint --format json --nofail models | jq .", d, n_sqlfluff_json,
                  timeout=400)
        if tag == "t":
            continue
        S.cap(f"sqlfluff-github-{tag}", "sqlfluff lint --format github-annotation-native models", d,
              n_sqlfluff_github, timeout=400)


if __name__ == "__main__":
    cm.capture_round(__doc__, ensure_tools, lambda: [js_step, py_step, rs_step, go_step, md_step, sql_step],
                     "wide580-", OUT, TMP, bands=(10_000, 40_000, 80_000))
