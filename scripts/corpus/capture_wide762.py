"""Capture round 762 of the compression corpus: JavaScript and TypeScript quality tools in output formats the corpus
lacks (oxlint's checkstyle, junit and stylish formats; Biome's checkstyle, junit, gitlab and summary reporters; knip's
json and compact reporters; depcheck --json; madge --json and --circular --json; stylelint's github formatter) on a
button factory's project written here (`buttonworks`: horn, shell, bone and corozo blanks, lathes, drills,
polishers, carding; seed 76210) with faults put in. Needle rules: NEEDLES.md's "Round 762" section.

Usage:   .venv/bin/python scripts/corpus/capture_wide762.py
Writes:  scripts/corpus/data/wide762.json, ids prefixed "wide762-".
Tools:   /dev/shm/hm-corpus-wide762/npm (npm, pinned: NPM_TOOLS)."""

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
from capture_more import groups, kind, run  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402

ID_PREFIX = "wide762-"
DEFAULT_OUT = HERE / "data" / "wide762.json"
TOOLS = Path("/dev/shm/hm-corpus-wide762/npm")
TMP = Path("/dev/shm/hm-corpus-wide762-run")
SEED = 76210
NPM_TOOLS = ["oxlint@1.9.0", "@biomejs/biome@2.1.2", "knip@5.62.0", "depcheck@1.4.7", "madge@8.0.0",
             "stylelint@16.23.0", "stylelint-config-standard@38.0.0", "typescript@5.8.3"]
_SIZED = cm.Sized(400, 120_000)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ extractors of the new kinds (fixed before capture)

ATTR = re.compile(r'(\w+)="([^"]*)"')


def _elements(lines, tag):
    """(line index, element text from `<tag` to its end, first 200 chars) for every element on any line."""
    out = []
    for i, ln in enumerate(lines):
        for m in re.finditer(rf"<{tag}\b[^>]*>", ln):
            out.append((i, ln[m.start():m.end()][:200], dict(ATTR.findall(m.group(0)))))
    return out


def _enclosing(lines, tag, i, pos_text):
    """The last `<tag …>` opening tag at or before line i (before pos_text on line i)."""
    for j in range(i, -1, -1):
        ln = lines[j]
        if j == i:
            ln = ln[:ln.find(pos_text)] if pos_text in ln else ln
        ms = list(re.finditer(rf"<{tag}\b[^>]*>", ln))
        if ms:
            return ms[-1].group(0)[:200]
    return None


def n_checkstyle(lines):
    """every <error> element of severity error and its <file name> tag; others one any per (source, file)"""
    out, pairs = [], []
    for i, el, at in _elements(lines, "error"):
        f = _enclosing(lines, "file", i, el) or ""
        if at.get("severity") == "error":
            out.append(el)
            if f:
                out.append(f)
        else:
            pairs.append(((at.get("source"), f), el))
    return list(dict.fromkeys(x for x in out)) + groups(pairs)


n_oxlint_checkstyle = cm.named("oxlint-checkstyle", "lint", n_checkstyle.__doc__, n_checkstyle)
n_biome_checkstyle = cm.named("biome-checkstyle", "lint", n_checkstyle.__doc__, n_checkstyle)


def n_junit(lines):
    """every <failure> opening tag, the <testsuite> tag holding it, and the root <testsuites> tag"""
    out = []
    for i, el, _ in _elements(lines, "failure"):
        out.append(el)
        s = _enclosing(lines, "testsuite", i, el)
        if s:
            out.append(s)
    roots = _elements(lines, "testsuites")
    if roots:
        out.append(roots[0][1])
    return list(dict.fromkeys(out))


n_oxlint_junit = cm.named("oxlint-junit", "lint", n_junit.__doc__, n_junit)
n_biome_junit = cm.named("biome-junit", "lint", n_junit.__doc__, n_junit)

ST_ROW = re.compile(r"^\s+\d+:\d+\s+(error|warning)\s+.*?\s{2,}(\S+)\s*$")


@kind("oxlint-stylish", "lint")
def n_oxlint_stylish(lines):
    """every error row with its file header; warning rows one any per (rule, file); the closing summary lines"""
    out, pairs, f = [], [], ""
    for ln in lines:
        if ln and not ln[0].isspace() and not ln.startswith(("✖", "Found", "Finished")):
            f = ln
        m = ST_ROW.match(ln)
        if m:
            if m.group(1) == "error":
                out += [ln, f]
            else:
                pairs.append(((m.group(2), f), ln))
        elif re.match(r"^(✖ \d+ problems?|Found \d+ warnings? and \d+ errors?|Finished in)", ln.strip()):
            if not ln.strip().startswith("Finished"):
                out.append(ln)
    return list(dict.fromkeys(x for x in out if x)) + groups(pairs)


def _val(ln: str) -> str:
    m = re.match(r'^\s*"\w+":\s*"(.*)",?$', ln)
    return m.group(1) if m else ""


@kind("biome-gitlab", "lint")
def n_biome_gitlab(lines):
    """every distinct description of a critical/blocker finding and its path line; others one any per (check_name, path) over descriptions"""
    out, pairs, recs, cur = [], [], [], None
    for ln in lines:
        s = ln.strip()
        if re.match(r"^ {4}\{$", ln):  # a finding opens at the array's first level (json.tool indents by 4)
            cur = {}
            recs.append(cur)
        if cur is None:
            continue
        for key in ("description", "check_name", "severity", "path"):
            if s.startswith(f'"{key}":') and key not in cur:
                cur[key] = ln
    for r in recs:
        if "description" not in r:
            continue
        if _val(r.get("severity", "")) in ("critical", "blocker"):
            out.append(r["description"])
            if "path" in r:
                out.append(r["path"])
        else:
            pairs.append(((_val(r.get("check_name", "")), _val(r.get("path", ""))), r["description"]))
    return list(dict.fromkeys(out)) + groups(pairs)


@kind("biome-summary", "lint")
def n_biome_summary(lines):
    """every line naming a rule (lint/, format, assist/) with its count, every section header, the closing Checked/Found lines"""
    out = []
    for ln in lines:
        s = ln.strip()
        if not s:
            continue
        if re.search(r"\b(lint/\S+|assist/\S+|format)\b", s) and re.search(r"\d", s):
            out.append(ln)
        elif re.match(r"^(Checked \d+ files?|Found \d+ (errors?|warnings?|infos?))", s):
            out.append(ln)
        elif re.match(r"^(reporter/\S+|check) ━", s) or re.match(r"^Rule Name\s+Diagnostics$", s):
            out.append(ln)  # a section header (and the rule table's header row)
    return list(dict.fromkeys(out))


@kind("knip-json", "lint")
def n_knip_json(lines):
    """every "file" line of an issue record naming a problem, every "name" line, every string of the top-level "files" array"""
    out, in_files, rec_file, rec_has = [], False, None, False
    for ln in lines:
        s = ln.strip()
        if re.match(r'^    "files": \[', ln) or re.match(r'^  "files": \[', ln):
            in_files = True
            continue
        if in_files:
            if s.startswith("]"):
                in_files = False
            elif s.startswith('"'):
                out.append(ln)
            continue
        if s.startswith('"file":'):
            rec_file = ln
            rec_has = False
        if s.startswith('"name":'):
            out.append(ln)
            if rec_file and not rec_has:
                out.append(rec_file)
                rec_has = True
    return list(dict.fromkeys(out))


@kind("knip-compact", "lint")
def n_knip_compact(lines):
    """every section header (Unused files (N) ...) and every line under one"""
    out, inside = [], False
    for ln in lines:
        if re.match(r"^[A-Z][\w ]+\(\d+\)$", ln.strip()):
            inside = True
            out.append(ln)
        elif not ln.strip():
            continue
        elif inside:
            out.append(ln[:200])
    return list(dict.fromkeys(out))


@kind("depcheck-json", "pkg")
def n_depcheck_json(lines):
    """every string of "dependencies"/"devDependencies", every "missing" key with its first file line, every "invalidFiles"/"invalidDirs" key"""
    out, sec, depth_key = [], None, None
    for i, ln in enumerate(lines):
        m = re.match(r'^    "(\w+)": [\[{]', ln)
        if m and len(ln) - len(ln.lstrip()) == 4:
            sec = m.group(1)
            continue
        if re.match(r'^    [\]}]', ln):
            sec = None
            continue
        if sec in ("dependencies", "devDependencies") and re.match(r'^        "', ln):
            out.append(ln)
        elif sec == "missing" and re.match(r'^        "[^"]+": \[', ln):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip().startswith('"'):
                out.append(lines[i + 1])
        elif sec in ("invalidFiles", "invalidDirs") and re.match(r'^        "[^"]+":', ln):
            out.append(ln[:200])
    return list(dict.fromkeys(out))


@kind("madge-json", "listing")
def n_madge_json(lines):
    """every module key line whose list is empty or the longest, and the key line of every module no other imports"""
    text = "\n".join(lines)
    try:
        graph = json.loads(text[text.index("{"):])
    except ValueError:
        return []
    keyline = {}
    for ln in lines:
        m = re.match(r'^  "([^"]+)": \[', ln)
        if m:
            keyline[m.group(1)] = ln
    imported = {d for deps in graph.values() for d in deps}
    longest = max((len(v) for v in graph.values()), default=0)
    out = [keyline[k] for k, v in graph.items() if k in keyline and (not v or len(v) == longest or k not in imported)]
    return list(dict.fromkeys(out))


@kind("madge-circular-json", "lint")
def n_madge_circular_json(lines):
    """every cycle: one any over its member lines"""
    out, cur = [], None
    for ln in lines:
        if re.match(r"^  \[$", ln):
            cur = []
        elif re.match(r"^  \],?$", ln) and cur is not None:
            if cur:
                out.append(cm.any_of(cur))
            cur = None
        elif cur is not None and ln.strip().startswith('"'):
            cur.append(ln)
    return out


GH = re.compile(r"^::(error|warning) file=([^,]+),.*title=Stylelint problem::.*\(([\w/-]+)\)(?: \[maybe fixable\])?(?: - \S+)?$")


@kind("stylelint-github", "lint")
def n_stylelint_github(lines):
    """every ::error line; ::warning lines one any per (rule, file)"""
    out, pairs = [], []
    for ln in lines:
        if ln.startswith("::error"):
            out.append(ln[:200])
        elif ln.startswith("::warning"):
            m = GH.match(ln)
            pairs.append(((m.group(3) if m else "", m.group(2) if m else ""), ln[:200]))
    return out + groups(pairs)


# ------------------------------------------------------------------ material: a button factory's project with faults

WORDS = ["horn", "shell", "bone", "corozo", "blank", "lathe", "drill", "polisher", "card", "shank", "sew", "hole",
         "tumbler", "dye", "gauge", "ligne", "sorter", "stamp", "pearl", "toggle", "rim", "face"]
DEPS = {"lodash": "4.17.21", "dayjs": "1.11.13", "chalk": "5.4.1", "left-pad": "1.3.0", "commander": "12.1.0",
        "zod": "3.23.8", "uuid": "10.0.0"}
UNDECLARED = ["axios", "yargs", "picocolors", "ms"]


def module(i: int, n: int, rng: random.Random, names: list[str]) -> str:
    w = names[i]
    lines = []
    targets = rng.sample(range(n), min(n, rng.randint(1, 3)))
    for t in targets:
        if t != i:
            lines.append(f"import {{ {names[t]}Size }} from './{names[t]}';")
    if rng.random() < 0.5:
        dep = rng.choice(list(DEPS)[:3] + ["commander"])
        lines.append(f"import {dep.replace('-', '')} from '{dep}';")
    if rng.random() < 0.25:
        u = rng.choice(UNDECLARED)
        lines.append(f"import {u} from '{u}';")
    lines.append("")
    lines.append(f"export const {w}Size = {rng.randint(12, 60)};")
    lines.append(f"export function {w}Count(blanks: number[]): number {{")
    if rng.random() < 0.4:
        lines.append("  const unusedGauge = 3;")
    if rng.random() < 0.3:
        lines.append("  debugger;")
    lines.append("  let total = 0;")
    lines.append("  for (let k = 0; k < blanks.length; k++) {")
    lines.append("    if (blanks[k] == null) {}" if rng.random() < 0.4 else "    if (blanks[k] === 0) { continue; }")
    lines.append("    total += blanks[k];")
    lines.append("  }")
    lines.append("  return total;")
    if rng.random() < 0.3:
        lines.append("  total = 1;")
    lines.append("}")
    if rng.random() < 0.5:
        lines.append(f"export function unused{w.title()}Helper(x: any) {{ return x == '{w}' ? 1 : 0 }}")
    if rng.random() < 0.3:
        lines.append(f"var legacy{w.title()} = new Array();")
        lines.append(f"console.log(legacy{w.title()});")
    if rng.random() < 0.3:
        lines.append(f"export default function () {{ return {w}Size * 2 }}")
    for t in targets:
        if t != i:
            lines.append(f"export const {w}Uses{names[t].title()} = {names[t]}Size;")
    return "\n".join(lines) + "\n"


def css(i: int, rng: random.Random) -> str:
    out = []
    for _ in range(rng.randint(4, 12)):
        sel = f".{rng.choice(WORDS)}-{rng.choice(WORDS)}"
        props = []
        for _ in range(rng.randint(1, 5)):
            props.append(rng.choice([
                f"color: #{rng.choice(['fff', 'a1b2c3', 'zz0000', '12345'])};", "colr: red;", "margin: 0px;",
                "font-family: Arial, sans-serif;", "display: block;", "padding: 0 0 0 0;", "COLOR: Blue;",
                "transition: all 0.3s;", "width: calc(100% -10px);", "background: url(card.png);"]))
        if rng.random() < 0.15:
            props = []
        out.append(sel + " {\n  " + "\n  ".join(props) + "\n}\n")
        if rng.random() < 0.2:
            out.append(sel + " {\n  display: inline;\n}\n")
    return "\n".join(out)


def make_project(root: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    names = []
    while len(names) < n:
        w = rng.choice(WORDS) + rng.choice(WORDS).title() + (str(len(names)) if len(names) >= 40 else "")
        if w not in names:
            names.append(w)
    files = {}
    for i in range(n):
        files[f"src/{names[i]}.ts"] = module(i, n, rng, names)
    files["src/index.ts"] = "".join(f"export {{ {w}Count }} from './{w}';\n" for w in names[: max(2, n // 3)])
    for i in range(max(2, n // 4)):
        files[f"styles/{WORDS[i % len(WORDS)]}{i}.css"] = css(i, rng)
    deps = dict(list(DEPS.items())[: 3 + n % 4])
    files["package.json"] = json.dumps({"name": "buttonworks", "version": "0.3.0", "private": True, "type": "module",
                                        "main": "src/index.ts", "dependencies": deps,
                                        "devDependencies": {"typescript": "5.8.3", "mocha": "10.7.3"}}, indent=2)
    files["tsconfig.json"] = json.dumps({"compilerOptions": {"target": "es2022", "module": "esnext",
                                                             "moduleResolution": "bundler", "strict": True},
                                         "include": ["src"]}, indent=2)
    files["knip.json"] = json.dumps({"entry": ["src/index.ts"], "project": ["src/**/*.ts"]})
    files["biome.json"] = json.dumps({"linter": {"enabled": True, "rules": {"recommended": True}},
                                      "formatter": {"enabled": True}})
    files[".stylelintrc.json"] = json.dumps({"extends": ["stylelint-config-standard"]})
    cm.write_tree(root, files)


def project(tmp: Path, n: int, seed: int) -> Path:
    root = tmp / f"buttonworks-{n}"
    if not root.exists():
        make_project(root, n, seed)
        (root / "node_modules").symlink_to(TOOLS / "node_modules")
    return root


def ensure_tools() -> None:
    cm.install_npm(TOOLS, "oxlint", NPM_TOOLS)
    cm.PATH_PREFIX[:0] = [str(TOOLS / "node_modules" / ".bin")]


SIZES = [("twenty", 20, SEED + 2), ("forty", 40, SEED + 5), ("sixty", 60, SEED + 3), ("hundred", 100, SEED + 6)]
SMALL = [("six", 6, SEED + 1)] + SIZES  # the kinds whose outputs are short get a small project too

# ------------------------------------------------------------------ steps


def oxlint(tmp: Path) -> None:
    for tag, n, seed in SIZES:
        root = project(tmp, n, seed)
        for fmt, ext in [("checkstyle", n_oxlint_checkstyle), ("stylish", n_oxlint_stylish)]:
            cap(f"oxlint-{fmt}-{tag}", f"oxlint -A all -W correctness -W suspicious -D no-debugger -D eqeqeq "
                f"-D no-unused-vars -D no-empty --format {fmt} src", root, ext, timeout=300)


def biome(tmp: Path) -> None:
    for tag, n, seed in SIZES:
        root = project(tmp, n, seed)
        for rep, ext in [("junit", n_biome_junit), ("gitlab", n_biome_gitlab), ("summary", n_biome_summary)]:
            cmd = f"biome lint --max-diagnostics=none --reporter={rep} src 2>&1"
            if rep == "gitlab":
                cmd = f"biome lint --max-diagnostics=none --reporter=gitlab src 2>/dev/null | python3 -m json.tool"
            if rep == "summary":
                cmd = "biome check --max-diagnostics=none --reporter=summary src styles 2>&1"
            cap(f"biome-{rep}-{tag}", cmd, root, ext, timeout=300)


def knip(tmp: Path) -> None:
    for tag, n, seed in SMALL:
        root = project(tmp, n, seed)
        cap(f"knip-json-{tag}", "knip --no-progress --reporter json | python3 -m json.tool", root, n_knip_json,
            timeout=300)
        cap(f"knip-compact-{tag}", "knip --no-progress --reporter compact 2>&1", root, n_knip_compact, timeout=300)


def depcheck(tmp: Path) -> None:
    for tag, n, seed in SIZES:
        root = project(tmp, n, seed)
        cap(f"depcheck-json-{tag}", "depcheck --json --ignore-patterns=node_modules | python3 -m json.tool", root,
            n_depcheck_json, timeout=300)


def madge(tmp: Path) -> None:
    for tag, n, seed in SIZES:
        root = project(tmp, n, seed)
        cap(f"madge-json-{tag}", "madge --json --extensions ts src 2>&1", root, n_madge_json, timeout=300)
        cap(f"madge-circular-json-{tag}", "madge --circular --json --extensions ts src 2>&1", root,
            n_madge_circular_json, timeout=300)


def stylelint(tmp: Path) -> None:
    for tag, n, seed in SIZES:
        root = project(tmp, n, seed)
        cap(f"stylelint-github-{tag}", "stylelint --formatter github 'styles/**/*.css' 2>&1", root,
            n_stylelint_github, timeout=300)


def main() -> None:
    only = os.environ.get("ONLY")
    steps = [oxlint, biome, knip, depcheck, madge, stylelint]
    if only:
        steps = [s for s in steps if s.__name__ in only.split(",")]
    cm.capture_round(__doc__, ensure_tools, lambda: steps, ID_PREFIX, DEFAULT_OUT, TMP,
                     bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide762", sys.modules["__main__"])
    main()
