"""Capture round 769 of the compression corpus: JavaScript bundlers' and transpilers' outputs in formats the corpus
lacks (esbuild's metafile JSON, webpack's minimal stats and `--json --stats errors-warnings`, rspack build, rolldown,
rollup --perf, vite library mode and its manifest, babel --verbose, ncc build, sucrase's CLI) on a cooperage's app
written here (`cooperage`: staves, hoops, heads, crozes, coopers; seed 76910) with faults put in (missing modules
and packages, syntax errors, import cycles, top-level `this`, a huge data module). Needle rules: NEEDLES.md's
"Round 769" section.

Usage:   .venv/bin/python scripts/corpus/capture_wide769.py
Writes:  scripts/corpus/data/wide769.json, ids prefixed "wide769-".
Tools:   /dev/shm/hm-corpus-wide769/npm (npm, pinned: NPM_TOOLS; Node 20.20.2)."""

from __future__ import annotations

import json
import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import groups, kind  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402

ID_PREFIX = "wide769-"
DEFAULT_OUT = HERE / "data" / "wide769.json"
TOOLS = Path("/dev/shm/hm-corpus-wide769/npm")
TMP = Path("/dev/shm/hm-corpus-wide769-run")
SEED = 76910
NPM_TOOLS = ["webpack@5.113.0", "webpack-cli@7.3.1", "esbuild@0.28.2", "rollup@4.69.3", "vite@8.4.1",
             "@rspack/cli@2.2.8", "@rspack/core@2.3.4", "rolldown@1.3.4", "@babel/cli@7.29.7", "@babel/core@7.29.17",
             "@vercel/ncc@0.45.0", "sucrase@3.35.1"]
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ helpers

SIZE_UNITS = {"b": 1, "bytes": 1, "kb": 1e3, "kib": 1024, "mb": 1e6, "mib": 1024 ** 2, "gb": 1e9}


def _size(num: str, unit: str) -> float:
    return float(num.replace(",", "")) * SIZE_UNITS.get(unit.lower(), 1)


def _minmax(rows):
    """the rows (line, value) holding the largest and the smallest value (ties: the first)"""
    if not rows:
        return []
    hi = max(rows, key=lambda r: r[1])
    lo = min(rows, key=lambda r: r[1])
    return [hi[0], lo[0]]


def _pointed_above(lines, i, ahead=8, marker=r"^\s*[│|·]?\s*[│|·]\s*[─^~┬╰]+|^\s*\|?\s*\^"):
    """the numbered source row directly above the first underline/caret row at or after line i"""
    for j in range(i, min(len(lines), i + ahead)):
        if re.search(marker, lines[j]) and j > 0 and re.search(r"\d+\s*[│|:]", lines[j - 1]):
            return lines[j - 1]
    return None


def _uniq(xs):
    return list(dict.fromkeys(x for x in xs if x))


# ------------------------------------------------------------------ extractors (fixed before capture)


@kind("esbuild-metafile-json", "json")
def n_esbuild_metafile(lines):
    """every "outputs" key line with its own "bytes" and "entryPoint" lines; the largest and smallest input's key line"""
    out, sec, inputs, cur_in, cur_out = [], None, [], None, None
    for ln in lines:
        m = re.match(r'^    "(inputs|outputs)": \{', ln)
        if m:
            sec = m.group(1)
            continue
        if sec and re.match(r'^        "[^"]+": \{', ln):
            if sec == "inputs":
                cur_in = ln
            else:
                cur_out = ln
                out.append(ln)
            continue
        b = re.match(r'^            "bytes": (\d+)', ln)
        if b and sec == "inputs" and cur_in:
            inputs.append((cur_in, int(b.group(1))))
            cur_in = None
        elif b and sec == "outputs" and cur_out:
            out.append(ln)
        elif sec == "outputs" and re.match(r'^            "entryPoint": ', ln):
            out.append(ln)
    return _uniq(out + _minmax(inputs))


def _block_msg(lines, i):
    for j in range(i + 1, min(len(lines), i + 6)):
        if lines[j].strip():
            return lines[j]
    return None


@kind("webpack-stats-minimal", "build")
def n_webpack_minimal(lines):
    """every ERROR in header and its first message line, a parse error's > pointed line; WARNING in blocks one any per (shape, module); module-count and compiled lines"""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        if ln.startswith("ERROR in"):
            out += [ln, _block_msg(lines, i)]
            for j in range(i + 1, min(len(lines), i + 30)):
                if lines[j].startswith(("ERROR in", "WARNING in")):
                    break
                if re.match(r"^> ", lines[j]):
                    out.append(lines[j])
                    break
        elif ln.startswith("WARNING in"):
            msg = _block_msg(lines, i) or ""
            mod = re.sub(r"\s+\d+:\d+(-\d+)?$", "", ln[len("WARNING in "):])
            pairs.append(((cm.mask(msg), mod), ln))
            if msg:
                pairs.append(((cm.mask(msg), mod), msg))
        elif re.match(r"^\d+ modules?$", ln.strip()) or re.search(r"\bcompiled\b", ln) and ln.startswith("webpack"):
            out.append(ln)
    return _uniq(out) + groups(pairs)


@kind("webpack-json-errors-warnings", "json")
def n_webpack_json_ew(lines):
    """every error record's "message" line with its "moduleName" and "loc" lines; warnings one any per (shape, moduleName); errorsCount/warningsCount"""
    out, pairs, sec, rec = [], [], None, None
    recs = []
    for ln in lines:
        m = re.match(r'^    "(errors|warnings)": \[', ln)
        if m:
            sec = m.group(1)
            continue
        if re.match(r'^    \]', ln):
            sec = None
            continue
        if re.match(r'^    "(errorsCount|warningsCount)": ', ln):
            out.append(ln)
            continue
        if sec and re.match(r"^        \{", ln):
            rec = {"sec": sec}
            recs.append(rec)
            continue
        if sec and rec is not None:
            k = re.match(r'^            "(message|moduleName|loc)": ', ln)
            if k and k.group(1) not in rec:
                rec[k.group(1)] = ln
    for r in recs:
        if "message" not in r:
            continue
        if r["sec"] == "errors":
            out += [r["message"], r.get("moduleName"), r.get("loc")]
        else:
            mn = r.get("moduleName", "")
            pairs.append(((cm.mask(r["message"][:200]), mn), r["message"]))
    return _uniq(out) + groups(pairs)


def _first_msg_after(lines, i):
    for j in range(i + 1, min(len(lines), i + 6)):
        s = lines[j].strip()
        if s:
            return lines[j]
    return None


@kind("rspack-build", "build")
def n_rspack_build(lines):
    """every ERROR in header and first message line, the frame's pointed row and location; warnings one any per (shape, module); largest/smallest asset; Rspack compiled line"""
    out, pairs, assets = [], [], []
    for i, ln in enumerate(lines):
        if ln.startswith("ERROR in"):
            out += [ln, _first_msg_after(lines, i)]
            end = next((j for j in range(i + 1, len(lines)) if lines[j].startswith(("ERROR in", "WARNING in",
                                                                                       "asset ", "Rspack"))), len(lines))
            for j in range(i + 1, end):
                if re.search(r"╭─\[", lines[j]):
                    out.append(lines[j])
                    out.append(_pointed_above(lines, j + 1, ahead=end - j))
                    break
        elif ln.startswith("WARNING in"):
            msg = _first_msg_after(lines, i) or ""
            mod = re.sub(r"\s+\d+:\d+(-\d+)?$", "", ln[len("WARNING in "):])
            pairs.append(((cm.mask(msg), mod), ln))
        elif ln.startswith("asset "):
            m = re.match(r"^asset \S+ ([\d.]+) (bytes|KiB|MiB|GiB)", ln)
            if m:
                assets.append((ln, _size(*m.groups())))
        elif re.match(r"^Rspack( \S+)? compiled", ln):
            out.append(ln)
    return _uniq(out + _minmax(assets)) + groups(pairs)


@kind("rolldown-build", "build")
def n_rolldown_build(lines):
    """every [CODE] Error: header with its ╭─[ file:l:c ] line and pointed row; warnings one any per (code, file); largest/smallest size row; Finished line"""
    out, pairs, sizes, failed = [], [], [], False
    for i, ln in enumerate(lines):
        if re.match(r"^\[error\] Build failed", ln):
            failed = True
            out.append(ln)
            continue
        m = re.match(r"^\s*\[([A-Z_]+)\] (?:(Error|Warning): )?(.*)$", ln)
        if m:
            loc = None
            for j in range(i + 1, min(len(lines), i + 6)):
                if "╭─[" in lines[j]:
                    loc = lines[j]
                    break
            if m.group(2) == "Error" or (failed and not m.group(2)):
                out.append(ln)
                if loc:
                    out += [loc, _pointed_above(lines, j + 1, ahead=12)]
            else:
                f = re.search(r"╭─\[\s*([^:\]]+)", loc).group(1) if loc else (
                    re.search(r"(src/\S+\.js)", ln).group(1) if re.search(r"(src/\S+\.js)", ln) else "")
                pairs.append(((m.group(1), f), ln))
            continue
        s = re.search(r"│\s*size:\s*([\d.]+)\s*(kB|B|MB|KiB|MiB)", ln)
        if s:
            sizes.append((ln, _size(*s.groups())))
        elif re.search(r"\bFinished in\b", ln):
            out.append(ln)
    return _uniq(out + _minmax(sizes)) + groups(pairs)


@kind("rollup-perf", "build")
def n_rollup_perf(lines):
    """every [!] error line, its (l:c) location and pointed row; (!) blocks one any per (header, file); created line; # BUILD line and the slowest/fastest ## phase"""
    out, pairs, phases, header = [], [], [], None
    for i, ln in enumerate(lines):
        if ln.startswith("[!]"):
            out.append(ln)
            for j in range(i + 1, min(len(lines), i + 6)):
                if re.search(r"\(\d+:\d+\)", lines[j]):
                    out.append(lines[j])
                    out.append(_pointed_above(lines, j + 1, ahead=14, marker=r"^\s*\^"))
                    break
            header = None
        elif ln.startswith("(!)"):
            header = ln
        elif header and ln.strip() and not ln.startswith("http"):
            fm = re.search(r"([\w./-]+\.(?:m?js|ts))", ln)
            if fm and not re.match(r"^\d+:", ln):
                pairs.append(((header, fm.group(1)), ln))
        if ln.startswith("created ") or re.match(r"^# BUILD:", ln):
            out.append(ln)
            header = None if ln.startswith("#") else header
        m = re.match(r"^#{2,}\s.*?:\s*([\d.]+)ms", ln)
        if m:
            phases.append((ln, float(m.group(1))))
    return _uniq(out + _minmax(phases)) + groups(pairs)


VITE_ROW = re.compile(r"^(dist[\w-]*/\S+)\s+([\d.,]+) (kB|B|MB) │")


@kind("vite-build-lib", "build")
def n_vite_build_lib(lines):
    """error during build line and message, file: l:c line, pointed row; warnings one any per (shape, file); per format largest/smallest row; modules transformed and built/failed lines"""
    out, pairs, rows = [], [], {}
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("error during build"):
            msg = _first_msg_after(lines, i)
            out += [ln, msg]
            if msg and re.match(r"^Build failed with \d+ errors?:", msg.strip()):  # the message is the next line
                out.append(_first_msg_after(lines, lines.index(msg, i)))
            for j in range(i + 1, min(len(lines), i + 12)):
                if lines[j].startswith("file: ") or "╭─[" in lines[j]:
                    out.append(lines[j])
                    out.append(_pointed_above(lines, j + 1, ahead=12, marker=r"^\s*\^|^\s*\|\s*\^|│\s*[─┬]"))
                    break
        elif s.startswith("(!)") or re.match(r"^\[[A-Z_]+\] ", s) and "error during" not in "".join(out[-2:]) or re.match(r"^\[?\w*\]?\s*warning", s, re.I) or s.startswith("[plugin"):
            fm = re.search(r"([\w./-]+\.(?:m?js|ts|cjs))", s)
            pairs.append(((cm.mask(s)[:80], fm.group(1) if fm else ""), ln))
        m = VITE_ROW.match(ln)
        if m:
            fmt = re.sub(r"^[^.]*", "", m.group(1)) or "?"
            rows.setdefault(fmt, []).append((ln, _size(m.group(2), m.group(3))))
        if re.match(r"^[✓✗]\s+(\d+ modules transformed|built in|Build failed)", s):
            out.append(ln)
    for fmt_rows in rows.values():
        out += _minmax(fmt_rows)
    return _uniq(out) + groups(pairs)


@kind("vite-manifest-json", "json")
def n_vite_manifest(lines):
    """every top-level key line and each entry's "file" line"""
    out = []
    for ln in lines:
        if re.match(r'^  "[^"]+": \{', ln) or re.match(r'^    "file": ', ln):
            out.append(ln)
    return _uniq(out)


@kind("babel-verbose", "build")
def n_babel_verbose(lines):
    """every error line and the frame's > pointed row; the Successfully compiled line; the last listing row before an error"""
    out, last_row = [], None
    for i, ln in enumerate(lines):
        if " -> " in ln and not ln.startswith(" "):
            last_row = ln
        elif re.match(r"^(\w*Error\b|Error:)", ln.strip()) and not ln.strip().startswith("at "):
            out.append(ln)
            if last_row and not re.search(r"/[\w.-]+\.(js|ts)", ln):
                out.append(last_row)
            for j in range(i + 1, min(len(lines), i + 14)):
                if re.match(r"^\s*> \d+ \|", lines[j]):
                    out.append(lines[j])
                    break
        elif ln.strip().startswith("Successfully compiled"):
            out.append(ln)
    return _uniq(out)


@kind("ncc-build", "build")
def n_ncc_build(lines):
    """every error line and its location within six lines; largest/smallest size row; the closing [N ms] - ncc row"""
    out, rows = [], []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.search(r"\b(Error|ERROR)\b|\bfailed\b", s) and not s.startswith("at "):
            out.append(ln)
            loc = cm.next_match(lines, i, r"(\S+\.(m?js|ts|cjs):\d+|\(\d+:\d+\)|\d+:\d+-\d+)")
            loc = None if loc and loc.strip().startswith("at ") else loc
            if loc and loc != ln:
                out.append(loc)
        m = re.match(r"^\s*([\d.]+)(kB|MB|B)\s+(\S.*)$", ln)
        if m:
            if re.search(r"\[\d+ms\] - ncc", ln):
                out.append(ln)
            else:
                rows.append((ln, _size(m.group(1), m.group(2))))
    return _uniq(out + _minmax(rows))


@kind("sucrase-cli", "build")
def n_sucrase_cli(lines):
    """every error line with (l:c) and the nearest line naming a source file (next six, or the listing row before)"""
    out, last_row = [], None
    for i, ln in enumerate(lines):
        s = ln.strip()
        if " -> " in ln and not s.startswith("at "):
            last_row = ln
        elif re.search(r"\b\w*Error\b", s) and not s.startswith("at "):
            out.append(ln)
            if not re.search(r"src/\S+\.(js|ts)", ln):
                near = cm.next_match(lines, i, r"src/\S+\.(js|ts)")
                out.append(near if near else last_row)
    return _uniq(out)


# ------------------------------------------------------------------ material: a cooperage's app with faults

WORDS = ["stave", "hoop", "head", "croze", "cooper", "bung", "chime", "firing", "truss", "adze", "jointer", "bilge",
         "cask", "barrel", "firkin", "hogshead", "tun", "windlass", "flagging", "rivet", "heading", "chamfer",
         "kilderkin", "howel", "bucket", "sap"]


def make_app(root: Path, n: int, seed: int, faults: set[str]) -> list[str]:
    """A generated ES-module app of n modules; faults: missing (missing modules and packages), syntax, this, huge,
    dynamic (dynamic imports: chunks). Returns the module names."""
    rng = random.Random(seed)
    names: list[str] = []
    while len(names) < n:
        w = rng.choice(WORDS) + rng.choice(WORDS).title() + (str(len(names)) if len(names) >= 30 else "")
        if w not in names:
            names.append(w)
    files = {}
    syntax_at = set(rng.sample(range(1, n), max(1, n // 15))) if "syntax" in faults else set()
    missing_at = set(rng.sample(range(1, n), max(1, n // 8))) if "missing" in faults else set()
    for i, w in enumerate(names):
        ls = []
        targets = [t for t in rng.sample(range(n), min(n, rng.randint(1, 3))) if t != i]
        if i + 1 < n and i % 5 == 0:
            targets.append(i + 1)
        for t in dict.fromkeys(targets):
            ls.append(f"import {{ {names[t]}Gauge }} from './{names[t]}.js';")
        if i in missing_at:
            if rng.random() < 0.6:
                ls.append(f"import {{ trussFor }} from './missing-{w}.js';")
            else:
                ls.append(f"import gauge from '{rng.choice(['cask-gauge', 'hoop-driver', 'croze-plane'])}';")
        ls.append("")
        ls.append(f"export const {w}Gauge = {rng.randint(12, 60)};")
        if "this" in faults and rng.random() < 0.15:
            ls.append(f"export const {w}Shop = this && this.shop;")
        ls.append(f"export function {w}Staves(count, width) {{")
        ls.append(f"  const hoops = [];")
        ls.append(f"  for (let k = 0; k < count; k++) {{")
        ls.append(f"    hoops.push({{ stave: k, width: width * {rng.randint(2, 9)}, chime: '{rng.choice(WORDS)}' }});")
        ls.append("  }")
        if i in syntax_at:
            ls.append(rng.choice(["  return hoops.map(h => h.width +);", "  const croze = {stave: 1,, hoop: 2};",
                                  "  if (count > 3 { return hoops; }", "  return hoops.filter(h => h.width > ) ;"]))
        if i in missing_at and "trussFor" in "\n".join(ls):
            ls.append("  hoops.push(trussFor(count));")
        for t in dict.fromkeys(targets):
            ls.append(f"  hoops.push({{ from: '{names[t]}', gauge: {names[t]}Gauge }});")
        ls.append("  return hoops;")
        ls.append("}")
        files[f"src/{w}.js"] = "\n".join(ls) + "\n"
    main = [f"import {{ {w}Staves }} from './{w}.js';" for w in names[: max(2, n // 2)]]
    if "huge" in faults:
        main.append("import { STAVE_TABLE } from './data/staveTable.js';")
        rows = ",\n".join(f"  [{k}, '{rng.choice(WORDS)}', {rng.randint(100, 999)}, {rng.random():.6f}]"
                          for k in range(9000))
        files["src/data/staveTable.js"] = f"export const STAVE_TABLE = [\n{rows}\n];\n"
    main.append("")
    main.append("export function cooperage() {")
    main.append("  const casks = [];")
    for w in names[: max(2, n // 2)]:
        main.append(f"  casks.push({w}Staves(3, 4));")
    if "huge" in faults:
        main.append("  casks.push(STAVE_TABLE.length);")
    main.append("  return casks;")
    main.append("}")
    if "dynamic" in faults:  # yard modules imported only dynamically (their own chunks)
        for k, w in enumerate(names[n // 2: n // 2 + max(2, n // 6)]):
            yard = f"{w}Yard{k}"
            files[f"src/yards/{yard}.js"] = (f"import {{ {w}Staves }} from '../{w}.js';\n"
                                             f"export const {yard} = () => {w}Staves({k + 2}, {k + 5});\n")
            main.append(f"export const load{yard[0].upper() + yard[1:]} = () => import('./yards/{yard}.js');")
    if "dynamic" in faults:
        loaders = [ln.split()[2] for ln in main if ln.startswith("export const load")]
        main.append(f"globalThis.cooperageYards = [{', '.join(loaders)}];")
    main.append("console.log(cooperage().length);")
    files["src/main.js"] = "\n".join(main) + "\n"
    files["package.json"] = json.dumps({"name": "cooperage", "version": "1.4.0", "private": True, "type": "module",
                                        "main": "src/main.js"}, indent=2)
    files["index.html"] = ('<!doctype html>\n<html><head><title>Cooperage</title></head>\n<body><div id="yard"></div>\n'
                           '<script type="module" src="/src/main.js"></script></body></html>\n')
    files["webpack.config.cjs"] = ("module.exports = { mode: 'production', entry: './src/main.js',\n"
                                   "  output: { path: __dirname + '/dist-webpack', clean: true },\n"
                                   "  performance: { hints: 'warning' } };\n")
    files["rspack.config.cjs"] = ("module.exports = { mode: 'production', entry: './src/main.js',\n"
                                  "  output: { path: __dirname + '/dist-rspack', clean: true },\n"
                                  "  performance: { hints: 'warning' } };\n")
    files["vite.lib.config.js"] = ("export default { build: { outDir: 'dist-lib', minify: false, lib: {\n"
                                   "  entry: 'src/main.js', name: 'Cooperage', fileName: 'cooperage',\n"
                                   "  formats: ['es', 'cjs', 'umd'] } } };\n")
    files["vite.config.js"] = "export default { build: { outDir: 'dist-vite' } };\n"
    cm.write_tree(root, files)
    (root / "node_modules").symlink_to(TOOLS / "node_modules")
    return names


VARIANTS = {  # tag: (modules, seed offset, faults)
    "clean12": (12, 1, {"this", "huge", "dynamic"}),
    "clean40": (40, 2, {"this", "huge", "dynamic"}),
    "clean120": (120, 3, {"this", "dynamic"}),
    "clean250": (250, 4, {"this", "huge", "dynamic"}),
    "missing30": (30, 5, {"missing", "this", "huge"}),
    "missing90": (90, 6, {"missing", "this"}),
    "syntax40": (40, 7, {"syntax", "this"}),
    "broken60": (60, 8, {"missing", "syntax", "this", "huge"}),
    "broken150": (150, 9, {"missing", "syntax", "this"}),
    "syntax100": (100, 10, {"syntax", "this", "dynamic"}),
}


def app(tmp: Path, tag: str) -> Path:
    root = tmp / f"cooperage-{tag}"
    if not root.exists():
        n, off, faults = VARIANTS[tag]
        make_app(root, n, SEED + off, faults)
    return root


def ensure_tools() -> None:
    cm.install_npm(TOOLS, "rolldown", NPM_TOOLS)
    cm.PATH_PREFIX[:0] = [str(TOOLS / "node_modules" / ".bin")]


# ------------------------------------------------------------------ steps


def esbuild(tmp: Path) -> None:
    for tag, split in [("clean12", False), ("clean40", True), ("clean120", False), ("missing30", False),
                       ("clean250", True)]:
        root = app(tmp, tag)
        ext = " --external:cask-gauge --external:hoop-driver --external:croze-plane" if "missing" in tag else ""
        spl = " --splitting --format=esm" if split else ""
        cap(f"esbuild-metafile-{tag}", f"esbuild src/main.js --bundle{spl} --outdir=dist-esbuild{ext} "
            f"--metafile=meta.json --log-level=error; python3 -m json.tool meta.json", root, n_esbuild_metafile,
            timeout=300)


def webpack(tmp: Path) -> None:
    for tag in ["clean40", "missing30", "syntax40", "broken60", "broken150"]:
        root = app(tmp, tag)
        cap(f"webpack-minimal-{tag}", "webpack --config webpack.config.cjs --stats minimal 2>&1", root,
            n_webpack_minimal, timeout=300)
    for tag in ["clean40", "missing90", "syntax40", "broken60"]:
        root = app(tmp, tag)
        cap(f"webpack-json-ew-{tag}", "webpack --config webpack.config.cjs --json --stats errors-warnings "
            "2>/dev/null | python3 -m json.tool", root, n_webpack_json_ew, timeout=300)


def rspack(tmp: Path) -> None:
    for tag in ["missing30", "missing90", "syntax40", "broken60", "broken150"]:
        root = app(tmp, tag)
        cap(f"rspack-build-{tag}", "rspack build -c rspack.config.cjs 2>&1", root, n_rspack_build, timeout=300)


def rolldown(tmp: Path) -> None:
    for tag in ["clean40", "missing90", "syntax40", "broken60", "broken150", "clean250"]:
        root = app(tmp, tag)
        cap(f"rolldown-build-{tag}", "rolldown src/main.js -d dist-rolldown 2>&1", root, n_rolldown_build,
            timeout=300)


def rollup(tmp: Path) -> None:
    for tag in ["clean40", "missing30", "missing90", "syntax40", "clean250"]:
        root = app(tmp, tag)
        cap(f"rollup-perf-{tag}", "rollup src/main.js -d dist-rollup -f es --perf 2>&1", root, n_rollup_perf,
            timeout=300)


def vite(tmp: Path) -> None:
    for tag in ["clean12", "clean40", "missing30", "syntax40", "broken60"]:
        root = app(tmp, tag)
        cap(f"vite-build-lib-{tag}", "vite build -c vite.lib.config.js 2>&1", root, n_vite_build_lib, timeout=300)
    for tag in ["clean12", "clean40", "clean120", "clean250"]:
        root = app(tmp, tag)
        cap(f"vite-manifest-{tag}", "vite build --manifest >/dev/null 2>&1; cat dist-vite/.vite/manifest.json",
            root, n_vite_manifest, timeout=300)


def babel(tmp: Path) -> None:
    for tag in ["clean40", "clean120", "syntax40", "broken60", "broken150"]:
        root = app(tmp, tag)
        cap(f"babel-verbose-{tag}", "babel src -d lib --verbose 2>&1", root, n_babel_verbose, timeout=300)


def ncc(tmp: Path) -> None:
    for tag in ["syntax40", "missing90", "broken60", "broken150"]:
        root = app(tmp, tag)
        cap(f"ncc-build-{tag}", "ncc build src/main.js -o dist-ncc 2>&1", root, n_ncc_build, timeout=300)


def sucrase(tmp: Path) -> None:
    for tag in ["syntax40", "broken60", "broken150", "syntax100"]:
        root = app(tmp, tag)
        cap(f"sucrase-cli-{tag}", "sucrase src -d out --transforms imports 2>&1", root, n_sucrase_cli, timeout=300)


def main() -> None:
    steps = [esbuild, webpack, rspack, rolldown, rollup, vite, babel, ncc, sucrase]
    cm.capture_round(__doc__, ensure_tools, lambda: steps, ID_PREFIX, DEFAULT_OUT, TMP,
                     bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide769", sys.modules["__main__"])
    main()
